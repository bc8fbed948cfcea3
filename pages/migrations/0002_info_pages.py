"""Information pages KI staff maintain: seeded with short texts in six languages.

Legal pages are placeholders (placeholder=True) until the district fills them in.
"""

from django.db import migrations

LANGUAGES = ("de", "en", "tr", "ar", "ru", "uk")

# slug, kind, order, placeholder, {language: (title, summary, body)}
PAGES = [
    # 1 ────────────────────────────────────────────────────────────────
    (
        "integrationskurs",
        "guide",
        10,
        False,
        {
            "de": (
                "Was ist ein Integrationskurs?",
                "Im Integrationskurs lernen Sie Deutsch und vieles über das Leben in Deutschland – "
                "so läuft der Kurs ab und so finden Sie einen Platz.",
                (
                    "Ein Integrationskurs hat zwei Teile: einen Sprachkurs und einen Orientierungskurs. "
                    "Im Sprachkurs lernen Sie Deutsch für den Alltag und die Arbeit. Im Orientierungskurs "
                    "geht es um Rechtsordnung, Geschichte und Kultur in Deutschland und um das Zusammenleben.\n\n"
                    "Der allgemeine Integrationskurs hat 700 Unterrichtseinheiten zu je 45 Minuten: "
                    "600 für Deutsch und 100 für die Orientierung. Außerdem gibt es:\n"
                    "– den Intensivkurs mit 500 Einheiten (400 + 100) für Menschen, die schnell lernen,\n"
                    "– Spezialkurse mit bis zu 900 + 100 Einheiten: den Alphabetisierungskurs (Lesen und "
                    "Schreiben lernen), den Zweitschriftlernerkurs (für Menschen, die lesen und schreiben "
                    "können, aber nicht in lateinischer Schrift) und den Förderkurs (für Menschen, die beim "
                    "Lernen besondere Unterstützung brauchen).\n\n"
                    "Am Ende machen Sie zwei Prüfungen: den „Deutsch-Test für Zuwanderer“ (Niveau A2 oder B1) "
                    "und den Test „Leben in Deutschland“.\n\n"
                    "Vor dem Kurs melden Sie sich bei einem Kursträger an und machen einen Einstufungstest. "
                    "Manche Kurse bieten Kinderbetreuung an. Auf diesem Portal können Sie Kurse nach Wohnort "
                    "und Kinderbetreuung filtern.\n\n"
                    "Wer teilnehmen darf oder muss und was der Kurs kostet, lesen Sie auf der Seite "
                    "„Kosten und Berechtigungsschein“.\n\n"
                    "Nach dem Integrationskurs können Sie mit einem Berufssprachkurs weiterlernen, "
                    "zum Beispiel von B1 nach B2."
                ),
            ),
            "en": (
                "What is an integration course?",
                "In an integration course you learn German and a lot about life in Germany – "
                "how the course works and how to find a place.",
                (
                    "An integration course has two parts: a language course and an orientation course. "
                    "In the language course you learn German for everyday life and work. The orientation "
                    "course is about the legal system, history and culture of Germany and about living together.\n\n"
                    "The general integration course has 700 teaching units of 45 minutes each: 600 for German "
                    "and 100 for orientation. There are also:\n"
                    "– the intensive course with 500 units (400 + 100) for people who learn quickly,\n"
                    "– special courses with up to 900 + 100 units: the literacy course (Alphabetisierungskurs) "
                    "for learning to read and write, the course for second-script learners "
                    "(Zweitschriftlernerkurs) for people who can read and write, but not in the Latin alphabet, "
                    "and the support course (Förderkurs) for people who need extra help with learning.\n\n"
                    "At the end you take two exams: the “Deutsch-Test für Zuwanderer” (level A2 or B1) "
                    "and the test “Leben in Deutschland” (Life in Germany).\n\n"
                    "Before the course you register with a course provider and take a placement test. "
                    "Some courses offer childcare. On this portal you can filter courses by town and by childcare.\n\n"
                    "Who may or must take part and what the course costs is explained on the page "
                    "“Costs and the certificate of entitlement (Berechtigungsschein)”.\n\n"
                    "After the integration course you can continue with a job-related German course "
                    "(Berufssprachkurs), for example from B1 to B2."
                ),
            ),
            "tr": (
                "Entegrasyon kursu nedir?",
                "Entegrasyon kursunda Almanca ve Almanya'daki yaşam hakkında çok şey öğrenirsiniz – "
                "kursun nasıl işlediğini ve nasıl yer bulacağınızı burada okuyabilirsiniz.",
                (
                    "Entegrasyon kursu (Integrationskurs) iki bölümden oluşur: dil kursu ve oryantasyon kursu. "
                    "Dil kursunda günlük hayat ve iş için Almanca öğrenirsiniz. Oryantasyon kursunda "
                    "Almanya'nın hukuk düzeni, tarihi ve kültürü ile birlikte yaşam konuları işlenir.\n\n"
                    "Genel entegrasyon kursu, her biri 45 dakikalık 700 ders saatinden oluşur: 600 ders saati "
                    "Almanca, 100 ders saati oryantasyon. Bunların yanında şunlar da vardır:\n"
                    "– hızlı öğrenenler için 500 ders saatlik (400 + 100) yoğun kurs,\n"
                    "– 900 + 100 ders saatine kadar süren özel kurslar: okuma yazma kursu "
                    "(Alphabetisierungskurs), okuma yazma bilen ancak Latin alfabesini bilmeyenler için ikinci "
                    "alfabe kursu (Zweitschriftlernerkurs) ve öğrenmede özel desteğe ihtiyaç duyanlar için "
                    "destek kursu (Förderkurs).\n\n"
                    "Kursun sonunda iki sınava girersiniz: “Deutsch-Test für Zuwanderer” (A2 veya B1 seviyesi) "
                    "ve “Leben in Deutschland” (Almanya'da Yaşam) testi.\n\n"
                    "Kurstan önce bir kurs kurumuna kaydolur ve seviye tespit sınavına girersiniz. Bazı "
                    "kurslarda çocuk bakımı vardır. Bu portalda kursları oturduğunuz yere ve çocuk bakımına "
                    "göre filtreleyebilirsiniz.\n\n"
                    "Kursa kimlerin katılabileceğini veya katılmak zorunda olduğunu ve kursun ücretini "
                    "“Ücretler ve katılım hakkı belgesi (Berechtigungsschein)” sayfasında bulabilirsiniz.\n\n"
                    "Entegrasyon kursundan sonra bir mesleki dil kursuyla (Berufssprachkurs) devam "
                    "edebilirsiniz, örneğin B1 seviyesinden B2 seviyesine."
                ),
            ),
            "ar": (
                "ما هي دورة الاندماج؟",
                "في دورة الاندماج تتعلّم اللغة الألمانية وتتعرّف على الحياة في ألمانيا – "
                "هنا تعرف كيف تسير الدورة وكيف تجد مكانًا فيها.",
                (
                    "تتكوّن دورة الاندماج (Integrationskurs) من جزأين: دورة لغة ودورة توجيه. في دورة اللغة "
                    "تتعلّم الألمانية للحياة اليومية والعمل. وفي دورة التوجيه تتعرّف على النظام القانوني "
                    "والتاريخ والثقافة في ألمانيا وعلى العيش المشترك.\n\n"
                    "تتألّف دورة الاندماج العامة من 700 وحدة دراسية، مدة كل منها 45 دقيقة: 600 وحدة للغة "
                    "الألمانية و100 وحدة للتوجيه. وهناك أيضًا:\n"
                    "– الدورة المكثّفة وتضمّ 500 وحدة (400 + 100) لمن يتعلّمون بسرعة،\n"
                    "– دورات خاصة تصل إلى 900 + 100 وحدة: دورة محو الأمية (Alphabetisierungskurs) لتعلّم "
                    "القراءة والكتابة، ودورة متعلّمي الأبجدية الثانية (Zweitschriftlernerkurs) لمن يجيدون "
                    "القراءة والكتابة ولكن ليس بالحروف اللاتينية، ودورة الدعم (Förderkurs) لمن يحتاجون إلى "
                    "مساندة خاصة في التعلّم.\n\n"
                    "في نهاية الدورة تؤدّي امتحانين: «Deutsch-Test für Zuwanderer» (المستوى A2 أو B1) "
                    "واختبار «Leben in Deutschland» (الحياة في ألمانيا).\n\n"
                    "قبل بدء الدورة تسجّل لدى إحدى الجهات المقدّمة للدورات وتؤدّي اختبار تحديد المستوى. "
                    "بعض الدورات توفّر رعاية للأطفال. يمكنك في هذه البوابة تصفية الدورات حسب مكان السكن "
                    "ورعاية الأطفال.\n\n"
                    "تجد على صفحة «التكاليف وشهادة الاستحقاق (Berechtigungsschein)» من يحقّ له أو يجب عليه "
                    "المشاركة في الدورة وكم تكلّف.\n\n"
                    "بعد دورة الاندماج يمكنك مواصلة التعلّم في دورة لغة مهنية (Berufssprachkurs)، "
                    "مثلًا من المستوى B1 إلى المستوى B2."
                ),
            ),
            "ru": (
                "Что такое интеграционный курс?",
                "На интеграционном курсе вы изучаете немецкий язык и многое узнаёте о жизни в Германии – "
                "как проходит курс и как найти место.",
                (
                    "Интеграционный курс (Integrationskurs) состоит из двух частей: языкового курса и "
                    "ориентационного курса. На языковом курсе вы изучаете немецкий язык для повседневной "
                    "жизни и работы. На ориентационном курсе речь идёт о правовой системе, истории и культуре "
                    "Германии и о совместной жизни в обществе.\n\n"
                    "Общий интеграционный курс включает 700 учебных единиц по 45 минут: 600 – немецкий язык "
                    "и 100 – ориентационный курс. Кроме того, есть:\n"
                    "– интенсивный курс на 500 единиц (400 + 100) для тех, кто учится быстро;\n"
                    "– специальные курсы до 900 + 100 единиц: курс обучения грамоте (Alphabetisierungskurs), "
                    "чтобы научиться читать и писать; курс для тех, кто умеет читать и писать, но не латиницей "
                    "(Zweitschriftlernerkurs); и курс с дополнительной поддержкой (Förderkurs) для тех, кому "
                    "нужна особая помощь в учёбе.\n\n"
                    "В конце вы сдаёте два экзамена: «Deutsch-Test für Zuwanderer» (уровень A2 или B1) "
                    "и тест «Leben in Deutschland» («Жизнь в Германии»).\n\n"
                    "Перед курсом вы записываетесь в организацию, которая проводит курсы, и проходите тест "
                    "на определение уровня. На некоторых курсах есть присмотр за детьми. На этом портале курсы "
                    "можно отфильтровать по месту жительства и наличию присмотра за детьми.\n\n"
                    "Кто может или обязан посещать курс и сколько он стоит, читайте на странице "
                    "«Стоимость и свидетельство о праве на участие (Berechtigungsschein)».\n\n"
                    "После интеграционного курса можно продолжить обучение на профессиональном языковом курсе "
                    "(Berufssprachkurs), например от уровня B1 до B2."
                ),
            ),
            "uk": (
                "Що таке інтеграційний курс?",
                "На інтеграційному курсі ви вивчаєте німецьку мову та багато дізнаєтеся про життя "
                "в Німеччині – як проходить курс і як знайти місце.",
                (
                    "Інтеграційний курс (Integrationskurs) складається з двох частин: мовного курсу та "
                    "орієнтаційного курсу. На мовному курсі ви вивчаєте німецьку для повсякденного життя та "
                    "роботи. На орієнтаційному курсі йдеться про правову систему, історію та культуру "
                    "Німеччини і про співжиття в суспільстві.\n\n"
                    "Загальний інтеграційний курс має 700 навчальних одиниць по 45 хвилин: 600 – німецька мова "
                    "і 100 – орієнтаційний курс. Крім того, є:\n"
                    "– інтенсивний курс на 500 одиниць (400 + 100) для тих, хто навчається швидко;\n"
                    "– спеціальні курси до 900 + 100 одиниць: курс навчання грамоти (Alphabetisierungskurs), "
                    "щоб навчитися читати й писати; курс для тих, хто вміє читати й писати, але не латиницею "
                    "(Zweitschriftlernerkurs); і курс із додатковою підтримкою (Förderkurs) для тих, кому "
                    "потрібна особлива допомога в навчанні.\n\n"
                    "Наприкінці ви складаєте два іспити: «Deutsch-Test für Zuwanderer» (рівень A2 або B1) "
                    "і тест «Leben in Deutschland» («Життя в Німеччині»).\n\n"
                    "Перед курсом ви реєструєтеся в організації, яка проводить курси, і проходите тест на "
                    "визначення рівня. На деяких курсах є догляд за дітьми. На цьому порталі курси можна "
                    "відфільтрувати за місцем проживання та наявністю догляду за дітьми.\n\n"
                    "Хто може або зобов’язаний відвідувати курс і скільки він коштує, читайте на сторінці "
                    "«Вартість і посвідчення про право на участь (Berechtigungsschein)».\n\n"
                    "Після інтеграційного курсу можна продовжити навчання на професійному мовному курсі "
                    "(Berufssprachkurs), наприклад від рівня B1 до B2."
                ),
            ),
        },
    ),
    # 2 ────────────────────────────────────────────────────────────────
    (
        "migrationsberatung-mbe",
        "guide",
        20,
        False,
        {
            "de": (
                "Migrationsberatung für Erwachsene (MBE)",
                "Die Migrationsberatung hilft Zugewanderten ab 27 Jahren kostenlos bei Fragen rund ums "
                "Ankommen – besonders in den ersten drei Jahren in Deutschland.",
                (
                    "Die Migrationsberatung für erwachsene Zuwanderer (MBE) ist für Menschen ab 27 Jahren da. "
                    "Sie hilft vor allem in den ersten drei Jahren nach der Ankunft in Deutschland.\n\n"
                    "Die Beraterinnen und Berater helfen Ihnen zum Beispiel:\n"
                    "– einen passenden Integrationskurs oder Deutschkurs zu finden,\n"
                    "– Briefe von Behörden zu verstehen und Anträge auszufüllen,\n"
                    "– bei Fragen zu Arbeit, Wohnung, Gesundheit, Kita und Schule,\n"
                    "– die richtige Stelle für Ihr Anliegen zu finden.\n\n"
                    "Die Beratung ist kostenlos. Träger sind die Wohlfahrtsverbände AWO, Caritas, Diakonie, "
                    "DRK, Paritätischer und ZWST sowie der Bund der Vertriebenen (BdV).\n\n"
                    "Auf diesem Portal finden Sie die Beratungsstellen im Kreis Unna. Bei jeder Stelle steht, "
                    "welche Sprachen dort gesprochen werden, wann Sprechzeiten oder offene Sprechstunden sind "
                    "und für welche Städte sie zuständig ist.\n\n"
                    "Sie möchten lieber online fragen? Die Online-Migrationsberatung heißt mbeon.\n\n"
                    "Sind Sie jünger als 27 Jahre? Dann ist der Jugendmigrationsdienst (JMD) für Sie da."
                ),
            ),
            "en": (
                "Migration counselling for adults (MBE)",
                "Migration counselling helps immigrants aged 27 and over free of charge with questions about "
                "settling in – especially in their first three years in Germany.",
                (
                    "Migration counselling for adult immigrants (Migrationsberatung für erwachsene Zuwanderer, "
                    "MBE) is for people aged 27 and over. It helps above all in the first three years after "
                    "arriving in Germany.\n\n"
                    "The counsellors can help you, for example, to:\n"
                    "– find a suitable integration course or German course,\n"
                    "– understand letters from authorities and fill in applications,\n"
                    "– get answers to questions about work, housing, health, day care and school,\n"
                    "– find the right office for your concern.\n\n"
                    "Counselling is free of charge. It is provided by the welfare associations AWO, Caritas, "
                    "Diakonie, DRK, Paritätischer and ZWST and by the Federation of Expellees "
                    "(Bund der Vertriebenen, BdV).\n\n"
                    "On this portal you will find the counselling offices in the Kreis Unna. Each entry shows "
                    "which languages are spoken there, the office hours or walk-in times and which towns the "
                    "office covers.\n\n"
                    "Would you rather ask online? The online migration counselling service is called mbeon.\n\n"
                    "Are you younger than 27? Then the Youth Migration Service (JMD) is there for you."
                ),
            ),
            "tr": (
                "Yetişkinler için göç danışmanlığı (MBE)",
                "Göç danışmanlığı, 27 yaş ve üzeri göçmenlere yeni hayata alışma konusundaki sorularında "
                "ücretsiz yardım eder – özellikle Almanya'daki ilk üç yılda.",
                (
                    "Yetişkin göçmenler için göç danışmanlığı (Migrationsberatung für erwachsene Zuwanderer, "
                    "MBE) 27 yaş ve üzeri kişilere yöneliktir. Özellikle Almanya'ya geldikten sonraki ilk üç "
                    "yılda destek verir.\n\n"
                    "Danışmanlar size örneğin şu konularda yardımcı olur:\n"
                    "– uygun bir entegrasyon kursu veya Almanca kursu bulmak,\n"
                    "– resmî dairelerden gelen mektupları anlamak ve başvuru formlarını doldurmak,\n"
                    "– iş, konut, sağlık, kreş ve okul ile ilgili sorular,\n"
                    "– konunuzla ilgilenen doğru kurumu bulmak.\n\n"
                    "Danışmanlık ücretsizdir. Bu hizmeti sosyal yardım kuruluşları (AWO, Caritas, Diakonie, "
                    "DRK, Paritätischer ve ZWST) ile Sürgünler Birliği (Bund der Vertriebenen, BdV) sunar.\n\n"
                    "Bu portalda Kreis Unna'daki danışmanlık merkezlerini bulabilirsiniz. Her merkez için "
                    "hangi dillerin konuşulduğu, görüşme saatleri veya randevusuz görüşme saatleri ve hangi "
                    "şehirlere hizmet verdiği yazılıdır.\n\n"
                    "Online sormayı mı tercih edersiniz? Online göç danışmanlığının adı mbeon'dur.\n\n"
                    "27 yaşından küçük müsünüz? O zaman Gençlik Göç Servisi (JMD) size yardımcı olur."
                ),
            ),
            "ar": (
                "استشارات الهجرة للبالغين (MBE)",
                "تساعد استشارات الهجرة القادمين الجدد من عمر 27 عامًا فما فوق مجانًا في أسئلة الاستقرار، "
                "وخاصة في السنوات الثلاث الأولى في ألمانيا.",
                (
                    "استشارات الهجرة للمهاجرين البالغين (Migrationsberatung für erwachsene Zuwanderer، MBE) "
                    "موجّهة إلى الأشخاص من عمر 27 عامًا فما فوق. وهي تساعد بشكل خاص في السنوات الثلاث الأولى "
                    "بعد الوصول إلى ألمانيا.\n\n"
                    "يساعدك المستشارون والمستشارات مثلًا في:\n"
                    "– إيجاد دورة اندماج أو دورة لغة ألمانية مناسبة،\n"
                    "– فهم الرسائل الواردة من الدوائر الرسمية وتعبئة الطلبات،\n"
                    "– الأسئلة المتعلقة بالعمل والسكن والصحة ودور الحضانة والمدرسة،\n"
                    "– معرفة الجهة المختصة بشأنك.\n\n"
                    "الاستشارة مجانية. وتقدّمها جمعيات الرعاية الاجتماعية، وهي: AWO، Caritas، Diakonie، DRK، "
                    "Paritätischer، ZWST، إضافة إلى اتحاد المهجَّرين (Bund der Vertriebenen، BdV).\n\n"
                    "ستجد في هذه البوابة مراكز الاستشارة في مقاطعة أونا (Kreis Unna). ويُذكر لكل مركز اللغات "
                    "التي يُتحدَّث بها فيه، ومواعيد الاستقبال أو أوقات الاستشارة المفتوحة دون موعد، والمدن "
                    "التي يخدمها.\n\n"
                    "هل تفضّل السؤال عبر الإنترنت؟ اسم خدمة استشارات الهجرة عبر الإنترنت هو mbeon.\n\n"
                    "هل عمرك أقل من 27 عامًا؟ إذن فإن خدمة هجرة الشباب (JMD) موجودة من أجلك."
                ),
            ),
            "ru": (
                "Миграционная консультация для взрослых (MBE)",
                "Миграционная консультация бесплатно помогает иммигрантам от 27 лет с вопросами адаптации – "
                "особенно в первые три года в Германии.",
                (
                    "Миграционная консультация для взрослых иммигрантов (Migrationsberatung für erwachsene "
                    "Zuwanderer, MBE) предназначена для людей от 27 лет. Она помогает прежде всего в первые "
                    "три года после приезда в Германию.\n\n"
                    "Консультанты помогут вам, например:\n"
                    "– найти подходящий интеграционный курс или курс немецкого языка;\n"
                    "– понять письма от ведомств и заполнить заявления;\n"
                    "– разобраться с вопросами о работе, жилье, здоровье, детском саде и школе;\n"
                    "– найти учреждение, которое занимается вашим вопросом.\n\n"
                    "Консультация бесплатная. Её проводят благотворительные организации AWO, Caritas, "
                    "Diakonie, DRK, Paritätischer и ZWST, а также Союз изгнанных (Bund der Vertriebenen, BdV).\n\n"
                    "На этом портале вы найдёте консультационные пункты в районе Унна (Kreis Unna). У каждого "
                    "пункта указано, на каких языках там говорят, часы приёма или время открытой консультации "
                    "без записи и какие города он обслуживает.\n\n"
                    "Хотите задать вопрос онлайн? Онлайн-консультация по вопросам миграции называется mbeon.\n\n"
                    "Вам меньше 27 лет? Тогда вам поможет молодёжная миграционная служба (JMD)."
                ),
            ),
            "uk": (
                "Міграційна консультація для дорослих (MBE)",
                "Міграційна консультація безкоштовно допомагає іммігрантам від 27 років із питаннями "
                "облаштування – особливо в перші три роки в Німеччині.",
                (
                    "Міграційна консультація для дорослих іммігрантів (Migrationsberatung für erwachsene "
                    "Zuwanderer, MBE) призначена для людей від 27 років. Вона допомагає насамперед у перші "
                    "три роки після приїзду до Німеччини.\n\n"
                    "Консультанти допоможуть вам, наприклад:\n"
                    "– знайти відповідний інтеграційний курс або курс німецької мови;\n"
                    "– зрозуміти листи від установ і заповнити заяви;\n"
                    "– розібратися з питаннями про роботу, житло, здоров’я, дитячий садок і школу;\n"
                    "– знайти установу, яка займається вашим питанням.\n\n"
                    "Консультація безкоштовна. Її надають благодійні організації AWO, Caritas, Diakonie, DRK, "
                    "Paritätischer і ZWST, а також Союз вигнанців (Bund der Vertriebenen, BdV).\n\n"
                    "На цьому порталі ви знайдете консультаційні пункти в районі Унна (Kreis Unna). Для "
                    "кожного пункту вказано, якими мовами там говорять, години прийому або час відкритої "
                    "консультації без запису та які міста він обслуговує.\n\n"
                    "Бажаєте запитати онлайн? Онлайн-консультація з питань міграції називається mbeon.\n\n"
                    "Вам менше 27 років? Тоді вам допоможе молодіжна міграційна служба (JMD)."
                ),
            ),
        },
    ),
    # 3 ────────────────────────────────────────────────────────────────
    (
        "jugendmigrationsdienst-jmd",
        "guide",
        30,
        False,
        {
            "de": (
                "Jugendmigrationsdienst (JMD)",
                "Der Jugendmigrationsdienst berät junge Zugewanderte von 12 bis 27 Jahren kostenlos zu Schule, "
                "Ausbildung, Beruf und Alltag.",
                (
                    "Die Jugendmigrationsdienste (JMD) sind für junge Zugewanderte von 12 bis 27 Jahren da. "
                    "Auch wer einen Integrationskurs besucht und jünger als 27 Jahre ist, bekommt hier "
                    "Unterstützung.\n\n"
                    "Der JMD hilft Ihnen zum Beispiel:\n"
                    "– bei Fragen zu Schule, Schulabschluss und Ausbildung,\n"
                    "– bei der Suche nach einem Integrationskurs oder Deutschkurs,\n"
                    "– bei Bewerbungen und auf dem Weg in den Beruf,\n"
                    "– bei Fragen im Alltag und im Umgang mit Behörden.\n\n"
                    "Die Beratung ist kostenlos.\n\n"
                    "Auf diesem Portal finden Sie die Jugendmigrationsdienste im Kreis Unna. Bei jeder Stelle "
                    "steht, welche Sprachen dort gesprochen werden, wann Sprechzeiten oder offene "
                    "Sprechstunden sind und für welche Städte sie zuständig ist.\n\n"
                    "Sie möchten lieber online fragen? Die Online-Beratung der Jugendmigrationsdienste "
                    "heißt jmd4you.\n\n"
                    "Sind Sie älter als 27 Jahre? Dann hilft Ihnen die Migrationsberatung für Erwachsene (MBE)."
                ),
            ),
            "en": (
                "Youth Migration Service (JMD)",
                "The Youth Migration Service advises young immigrants aged 12 to 27 free of charge on school, "
                "vocational training, work and everyday life.",
                (
                    "The Youth Migration Services (Jugendmigrationsdienste, JMD) are there for young immigrants "
                    "aged 12 to 27. Participants in integration courses who are younger than 27 also get "
                    "support here.\n\n"
                    "The JMD helps you, for example, with:\n"
                    "– questions about school, school-leaving certificates and vocational training,\n"
                    "– finding an integration course or German course,\n"
                    "– job applications and the way into working life,\n"
                    "– questions about everyday life and dealing with authorities.\n\n"
                    "Counselling is free of charge.\n\n"
                    "On this portal you will find the Youth Migration Services in the Kreis Unna. Each entry "
                    "shows which languages are spoken there, the office hours or walk-in times and which towns "
                    "the office covers.\n\n"
                    "Would you rather ask online? The online counselling of the Youth Migration Services is "
                    "called jmd4you.\n\n"
                    "Are you older than 27? Then migration counselling for adults (MBE) can help you."
                ),
            ),
            "tr": (
                "Gençlik Göç Servisi (JMD)",
                "Gençlik Göç Servisi, 12–27 yaş arasındaki genç göçmenlere okul, meslek eğitimi, iş ve günlük "
                "yaşam konularında ücretsiz danışmanlık verir.",
                (
                    "Gençlik Göç Servisleri (Jugendmigrationsdienste, JMD) 12 ile 27 yaş arasındaki genç "
                    "göçmenlere yöneliktir. Entegrasyon kursuna katılan ve 27 yaşından küçük olanlar da burada "
                    "destek alır.\n\n"
                    "JMD size örneğin şu konularda yardımcı olur:\n"
                    "– okul, okul diploması ve meslek eğitimi (Ausbildung) ile ilgili sorular,\n"
                    "– entegrasyon kursu veya Almanca kursu bulma,\n"
                    "– iş başvuruları ve meslek hayatına giriş,\n"
                    "– günlük yaşamla ve resmî dairelerle ilgili sorular.\n\n"
                    "Danışmanlık ücretsizdir.\n\n"
                    "Bu portalda Kreis Unna'daki Gençlik Göç Servislerini bulabilirsiniz. Her merkez için "
                    "hangi dillerin konuşulduğu, görüşme saatleri veya randevusuz görüşme saatleri ve hangi "
                    "şehirlere hizmet verdiği yazılıdır.\n\n"
                    "Online sormayı mı tercih edersiniz? Gençlik Göç Servislerinin online danışmanlığının adı "
                    "jmd4you'dur.\n\n"
                    "27 yaşından büyük müsünüz? O zaman yetişkinler için göç danışmanlığı (MBE) size yardımcı olur."
                ),
            ),
            "ar": (
                "خدمة هجرة الشباب (JMD)",
                "تقدّم خدمة هجرة الشباب استشارات مجانية للشباب القادمين الجدد من عمر 12 إلى 27 عامًا حول "
                "المدرسة والتدريب المهني والعمل والحياة اليومية.",
                (
                    "خدمات هجرة الشباب (Jugendmigrationsdienste، JMD) موجّهة إلى الشباب القادمين الجدد من عمر "
                    "12 إلى 27 عامًا. ويحصل على الدعم هنا أيضًا المشاركون في دورات الاندماج الذين تقلّ "
                    "أعمارهم عن 27 عامًا.\n\n"
                    "تساعدك خدمة هجرة الشباب مثلًا في:\n"
                    "– الأسئلة المتعلقة بالمدرسة والشهادة المدرسية والتدريب المهني،\n"
                    "– البحث عن دورة اندماج أو دورة لغة ألمانية،\n"
                    "– طلبات التوظيف وبداية الحياة المهنية،\n"
                    "– أسئلة الحياة اليومية والتعامل مع الدوائر الرسمية.\n\n"
                    "الاستشارة مجانية.\n\n"
                    "ستجد في هذه البوابة خدمات هجرة الشباب في مقاطعة أونا (Kreis Unna). ويُذكر لكل مركز "
                    "اللغات التي يُتحدَّث بها فيه، ومواعيد الاستقبال أو أوقات الاستشارة المفتوحة دون موعد، "
                    "والمدن التي يخدمها.\n\n"
                    "هل تفضّل السؤال عبر الإنترنت؟ اسم خدمة الاستشارة عبر الإنترنت التابعة لخدمات هجرة "
                    "الشباب هو jmd4you.\n\n"
                    "هل عمرك أكثر من 27 عامًا؟ إذن تساعدك استشارات الهجرة للبالغين (MBE)."
                ),
            ),
            "ru": (
                "Молодёжная миграционная служба (JMD)",
                "Молодёжная миграционная служба бесплатно консультирует молодых иммигрантов от 12 до 27 лет "
                "по вопросам школы, профобучения, работы и повседневной жизни.",
                (
                    "Молодёжные миграционные службы (Jugendmigrationsdienste, JMD) работают для молодых "
                    "иммигрантов от 12 до 27 лет. Поддержку здесь получают и участники интеграционных курсов "
                    "младше 27 лет.\n\n"
                    "JMD поможет вам, например:\n"
                    "– с вопросами о школе, школьном аттестате и профессиональном обучении (Ausbildung);\n"
                    "– найти интеграционный курс или курс немецкого языка;\n"
                    "– с документами для поиска работы (Bewerbung) и первыми шагами в профессии;\n"
                    "– с вопросами повседневной жизни и общения с ведомствами.\n\n"
                    "Консультация бесплатная.\n\n"
                    "На этом портале вы найдёте молодёжные миграционные службы в районе Унна (Kreis Unna). "
                    "У каждого пункта указано, на каких языках там говорят, часы приёма или время открытой "
                    "консультации без записи и какие города он обслуживает.\n\n"
                    "Хотите задать вопрос онлайн? Онлайн-консультация молодёжных миграционных служб "
                    "называется jmd4you.\n\n"
                    "Вам больше 27 лет? Тогда вам поможет миграционная консультация для взрослых (MBE)."
                ),
            ),
            "uk": (
                "Молодіжна міграційна служба (JMD)",
                "Молодіжна міграційна служба безкоштовно консультує молодих іммігрантів віком від 12 до 27 "
                "років щодо школи, професійного навчання, роботи та повсякденного життя.",
                (
                    "Молодіжні міграційні служби (Jugendmigrationsdienste, JMD) працюють для молодих "
                    "іммігрантів віком від 12 до 27 років. Підтримку тут отримують і учасники інтеграційних "
                    "курсів, молодші за 27 років.\n\n"
                    "JMD допоможе вам, наприклад:\n"
                    "– із питаннями про школу, шкільний атестат і професійне навчання (Ausbildung);\n"
                    "– знайти інтеграційний курс або курс німецької мови;\n"
                    "– із документами для пошуку роботи (Bewerbung) і першими кроками в професії;\n"
                    "– із питаннями повсякденного життя та спілкування з установами.\n\n"
                    "Консультація безкоштовна.\n\n"
                    "На цьому порталі ви знайдете молодіжні міграційні служби в районі Унна (Kreis Unna). "
                    "Для кожного пункту вказано, якими мовами там говорять, години прийому або час відкритої "
                    "консультації без запису та які міста він обслуговує.\n\n"
                    "Бажаєте запитати онлайн? Онлайн-консультація молодіжних міграційних служб називається "
                    "jmd4you.\n\n"
                    "Вам більше 27 років? Тоді вам допоможе міграційна консультація для дорослих (MBE)."
                ),
            ),
        },
    ),
    # 4 ────────────────────────────────────────────────────────────────
    (
        "kosten-berechtigungsschein",
        "guide",
        40,
        False,
        {
            "de": (
                "Kosten und Berechtigungsschein",
                "Wer darf oder muss einen Integrationskurs besuchen, was kostet er und wo bekommen Sie "
                "den Berechtigungsschein?",
                (
                    "Für einen Integrationskurs brauchen Sie in der Regel einen Berechtigungsschein. Er "
                    "bestätigt, dass Sie teilnehmen dürfen oder teilnehmen müssen. Den Berechtigungsschein "
                    "bekommen Sie von der Ausländerbehörde oder vom Jobcenter. Mit dem Schein melden Sie sich "
                    "bei einem Kursträger an.\n\n"
                    "Welche Ausländerbehörde ist für Sie zuständig?\n"
                    "– Wohnen Sie in Lünen: die Ausländerbehörde der Stadt Lünen.\n"
                    "– Wohnen Sie in Bergkamen, Bönen, Fröndenberg/Ruhr, Holzwickede, Kamen, Schwerte, Selm, "
                    "Unna oder Werne: die Ausländerbehörde des Kreises Unna.\n\n"
                    "Kosten: Ihr Eigenanteil beträgt 2,29 € pro Unterrichtseinheit. Sie zahlen jeweils für "
                    "einen Abschnitt von 100 Einheiten, also 229 € pro Abschnitt. Wer Bürgergeld oder "
                    "Sozialhilfe bekommt, kann sich auf Antrag von den Kosten befreien lassen. Wenn Sie den "
                    "Kurs innerhalb von zwei Jahren erfolgreich abschließen, bekommen Sie die Hälfte Ihres "
                    "Eigenanteils zurück.\n\n"
                    "Wichtig: Die freiwillige Zulassung durch das Bundesamt für Migration und Flüchtlinge "
                    "(BAMF) ist für den Rest des Haushaltsjahres 2026 ausgesetzt. Deshalb können manche "
                    "Menschen ohne Berechtigungsschein von Ausländerbehörde oder Jobcenter zurzeit nur als "
                    "Selbstzahlerin oder Selbstzahler teilnehmen.\n\n"
                    "Berufssprachkurse (Deutsch für den Beruf) sind kostenlos, außer Ihr zu versteuerndes "
                    "Einkommen liegt über 20.000 € im Jahr. Die Berechtigung bekommen Sie über das Jobcenter, "
                    "die Agentur für Arbeit oder das BAMF.\n\n"
                    "Bei Fragen helfen die Migrationsberatung (MBE) und der Jugendmigrationsdienst (JMD)."
                ),
            ),
            "en": (
                "Costs and the certificate of entitlement (Berechtigungsschein)",
                "Who may or must attend an integration course, what does it cost, and where do you get the "
                "certificate of entitlement (Berechtigungsschein)?",
                (
                    "As a rule, you need a certificate of entitlement (Berechtigungsschein) for an integration "
                    "course. It confirms that you are entitled or obliged to take part. You get it from the "
                    "foreigners’ authority (Ausländerbehörde) or from the Jobcenter. With the certificate you "
                    "register with a course provider.\n\n"
                    "Which foreigners’ authority is responsible for you?\n"
                    "– If you live in Lünen: the foreigners’ authority of the city of Lünen.\n"
                    "– If you live in Bergkamen, Bönen, Fröndenberg/Ruhr, Holzwickede, Kamen, Schwerte, Selm, "
                    "Unna or Werne: the foreigners’ authority of the Kreis Unna.\n\n"
                    "Costs: your own contribution is 2.29 € per teaching unit. You pay for one section of "
                    "100 units at a time, i.e. 229 € per section. People who receive citizen’s income "
                    "(Bürgergeld) or social assistance can be exempted from the costs on request. If you "
                    "complete the course successfully within two years, you get half of your contribution back.\n\n"
                    "Important: voluntary admission by the Federal Office for Migration and Refugees (BAMF) "
                    "is suspended for the rest of the 2026 budget year. This means that some people without "
                    "a certificate from the foreigners’ authority or the Jobcenter can currently only take "
                    "part as self-payers.\n\n"
                    "Job-related German courses (Berufssprachkurse) are free of charge unless your taxable "
                    "income is above 20,000 € a year. You get the entitlement through the Jobcenter, the "
                    "employment agency (Agentur für Arbeit) or the BAMF.\n\n"
                    "Migration counselling (MBE) and the Youth Migration Service (JMD) can help with questions."
                ),
            ),
            "tr": (
                "Ücretler ve katılım hakkı belgesi (Berechtigungsschein)",
                "Entegrasyon kursuna kimler katılabilir veya katılmak zorundadır, kursun ücreti nedir ve "
                "katılım hakkı belgesini (Berechtigungsschein) nereden alırsınız?",
                (
                    "Entegrasyon kursu için genellikle bir katılım hakkı belgesine (Berechtigungsschein) "
                    "ihtiyacınız vardır. Bu belge, kursa katılma hakkınız veya katılma yükümlülüğünüz "
                    "olduğunu gösterir. Belgeyi Yabancılar Dairesi'nden (Ausländerbehörde) veya Jobcenter'dan "
                    "alırsınız. Bu belgeyle bir kurs kurumuna kaydolursunuz.\n\n"
                    "Hangi Yabancılar Dairesi sizden sorumludur?\n"
                    "– Lünen'de oturuyorsanız: Lünen Belediyesi Yabancılar Dairesi.\n"
                    "– Bergkamen, Bönen, Fröndenberg/Ruhr, Holzwickede, Kamen, Schwerte, Selm, Unna veya "
                    "Werne'de oturuyorsanız: Kreis Unna Yabancılar Dairesi.\n\n"
                    "Ücretler: Kendi payınız ders saati başına 2,29 € tutarındadır. Her seferinde 100 ders "
                    "saatlik bir bölüm için ödeme yaparsınız, yani bölüm başına 229 €. Vatandaşlık parası "
                    "(Bürgergeld) veya sosyal yardım alanlar başvuru yaparak ücretten muaf tutulabilir. Kursu "
                    "iki yıl içinde başarıyla tamamlarsanız ödediğiniz payın yarısını geri alırsınız.\n\n"
                    "Önemli: Federal Göç ve Mülteciler Dairesi'nin (BAMF) gönüllü kabulü 2026 bütçe yılının "
                    "geri kalanı için durdurulmuştur. Bu nedenle Yabancılar Dairesi'nden veya Jobcenter'dan "
                    "belgesi olmayan bazı kişiler şu anda kursa yalnızca ücreti kendileri ödeyerek katılabilir.\n\n"
                    "Mesleki dil kursları (Berufssprachkurse), vergiye tabi yıllık geliriniz 20.000 € üzerinde "
                    "olmadığı sürece ücretsizdir. Katılım hakkını Jobcenter, İş Ajansı (Agentur für Arbeit) "
                    "veya BAMF aracılığıyla alırsınız.\n\n"
                    "Sorularınız için göç danışmanlığı (MBE) ve Gençlik Göç Servisi (JMD) size yardımcı olur."
                ),
            ),
            "ar": (
                "التكاليف وشهادة الاستحقاق (Berechtigungsschein)",
                "من يحقّ له أو يجب عليه المشاركة في دورة الاندماج، وكم تكلّف، ومن أين تحصل على شهادة "
                "الاستحقاق (Berechtigungsschein)؟",
                (
                    "تحتاج عادةً إلى شهادة استحقاق (Berechtigungsschein) للمشاركة في دورة الاندماج. تؤكّد هذه "
                    "الشهادة أنه يحقّ لك المشاركة أو أنك ملزَم بها. تحصل عليها من دائرة شؤون الأجانب "
                    "(Ausländerbehörde) أو من مركز العمل (Jobcenter). وبهذه الشهادة تسجّل لدى إحدى الجهات "
                    "المقدّمة للدورات.\n\n"
                    "ما هي دائرة شؤون الأجانب المختصة بك؟\n"
                    "– إذا كنت تسكن في Lünen: دائرة شؤون الأجانب التابعة لمدينة Lünen.\n"
                    "– إذا كنت تسكن في Bergkamen أو Bönen أو Fröndenberg/Ruhr أو Holzwickede أو Kamen أو "
                    "Schwerte أو Selm أو Unna أو Werne: دائرة شؤون الأجانب التابعة لمقاطعة أونا (Kreis Unna).\n\n"
                    "التكاليف: تبلغ مساهمتك 2.29 يورو عن كل وحدة دراسية. وتدفع في كل مرة عن قسم من 100 وحدة، "
                    "أي 229 يورو عن كل قسم. يمكن لمن يتلقّى إعانة المواطن (Bürgergeld) أو المساعدة الاجتماعية "
                    "أن يُعفى من التكاليف بناءً على طلب. وإذا أنهيت الدورة بنجاح خلال سنتين، يُعاد إليك نصف "
                    "ما دفعته.\n\n"
                    "مهم: عُلِّق القبول الطوعي من قِبل المكتب الاتحادي للهجرة واللاجئين (BAMF) لما تبقّى من "
                    "السنة المالية 2026. لذلك لا يستطيع بعض الأشخاص الذين لا يملكون شهادة من دائرة شؤون "
                    "الأجانب أو من مركز العمل المشاركة حاليًا إلا على نفقتهم الخاصة.\n\n"
                    "دورات اللغة المهنية (Berufssprachkurse) مجانية، إلا إذا تجاوز دخلك الخاضع للضريبة "
                    "20 ألف يورو في السنة. وتحصل على حق المشاركة عن طريق مركز العمل (Jobcenter) أو وكالة "
                    "العمل (Agentur für Arbeit) أو المكتب الاتحادي للهجرة واللاجئين (BAMF).\n\n"
                    "لأي أسئلة، تساعدك استشارات الهجرة للبالغين (MBE) وخدمة هجرة الشباب (JMD)."
                ),
            ),
            "ru": (
                "Стоимость и свидетельство о праве на участие (Berechtigungsschein)",
                "Кто может или обязан посещать интеграционный курс, сколько он стоит и где получить "
                "свидетельство о праве на участие (Berechtigungsschein)?",
                (
                    "Как правило, для интеграционного курса нужно свидетельство о праве на участие "
                    "(Berechtigungsschein). Оно подтверждает, что вы имеете право или обязаны участвовать "
                    "в курсе. Его выдаёт ведомство по делам иностранцев (Ausländerbehörde) или Jobcenter. "
                    "С этим свидетельством вы записываетесь на курс в организацию, которая его проводит.\n\n"
                    "Какое ведомство по делам иностранцев отвечает за вас?\n"
                    "– Если вы живёте в Lünen: ведомство по делам иностранцев города Lünen.\n"
                    "– Если вы живёте в Bergkamen, Bönen, Fröndenberg/Ruhr, Holzwickede, Kamen, Schwerte, "
                    "Selm, Unna или Werne: ведомство по делам иностранцев района Унна (Kreis Unna).\n\n"
                    "Стоимость: ваш собственный взнос составляет 2,29 € за учебную единицу. Оплата вносится "
                    "за каждый раздел из 100 единиц, то есть 229 € за раздел. Получатели гражданского пособия "
                    "(Bürgergeld) или социальной помощи могут по заявлению получить освобождение от оплаты. "
                    "Если вы успешно завершите курс в течение двух лет, вам вернут половину взноса.\n\n"
                    "Важно: добровольный допуск через Федеральное ведомство по делам миграции и беженцев "
                    "(BAMF) приостановлен до конца 2026 бюджетного года. Поэтому некоторые люди без "
                    "свидетельства от ведомства по делам иностранцев или Jobcenter сейчас могут участвовать "
                    "только за свой счёт.\n\n"
                    "Профессиональные языковые курсы (Berufssprachkurse) бесплатны, если ваш налогооблагаемый "
                    "доход не превышает 20 000 € в год. Право на участие вы получаете через Jobcenter, "
                    "агентство по труду (Agentur für Arbeit) или BAMF.\n\n"
                    "С вопросами вам помогут миграционная консультация (MBE) и молодёжная миграционная "
                    "служба (JMD)."
                ),
            ),
            "uk": (
                "Вартість і посвідчення про право на участь (Berechtigungsschein)",
                "Хто може або зобов’язаний відвідувати інтеграційний курс, скільки він коштує і де отримати "
                "посвідчення про право на участь (Berechtigungsschein)?",
                (
                    "Як правило, для інтеграційного курсу потрібне посвідчення про право на участь "
                    "(Berechtigungsschein). Воно підтверджує, що ви маєте право або зобов’язані брати участь "
                    "у курсі. Його видає відомство у справах іноземців (Ausländerbehörde) або Jobcenter. "
                    "З цим посвідченням ви реєструєтеся на курс в організації, яка його проводить.\n\n"
                    "Яке відомство у справах іноземців відповідає за вас?\n"
                    "– Якщо ви живете в Lünen: відомство у справах іноземців міста Lünen.\n"
                    "– Якщо ви живете в Bergkamen, Bönen, Fröndenberg/Ruhr, Holzwickede, Kamen, Schwerte, "
                    "Selm, Unna або Werne: відомство у справах іноземців району Унна (Kreis Unna).\n\n"
                    "Вартість: ваш власний внесок становить 2,29 € за навчальну одиницю. Оплата вноситься "
                    "за кожен розділ зі 100 одиниць, тобто 229 € за розділ. Отримувачі громадянської допомоги "
                    "(Bürgergeld) або соціальної допомоги можуть за заявою отримати звільнення від оплати. "
                    "Якщо ви успішно завершите курс протягом двох років, вам повернуть половину внеску.\n\n"
                    "Важливо: добровільний допуск через Федеральне відомство з питань міграції та біженців "
                    "(BAMF) призупинено до кінця 2026 бюджетного року. Тому деякі люди без посвідчення від "
                    "відомства у справах іноземців або Jobcenter зараз можуть брати участь лише за власний "
                    "кошт.\n\n"
                    "Професійні мовні курси (Berufssprachkurse) безкоштовні, якщо ваш оподатковуваний дохід "
                    "не перевищує 20 000 € на рік. Право на участь ви отримуєте через Jobcenter, агентство з "
                    "праці (Agentur für Arbeit) або BAMF.\n\n"
                    "З питаннями вам допоможуть міграційна консультація (MBE) і молодіжна міграційна "
                    "служба (JMD)."
                ),
            ),
        },
    ),
    # 5 ────────────────────────────────────────────────────────────────
    (
        "erste-schritte",
        "guide",
        50,
        False,
        {
            "de": (
                "Erste Schritte nach der Ankunft im Kreis Unna",
                "Neu im Kreis Unna? Diese Schritte helfen beim Ankommen: Adresse anmelden, Ausländerbehörde, "
                "Integrationskurs, Beratung, Kita und Schule.",
                (
                    "Adresse anmelden: Melden Sie Ihre Wohnung bald nach dem Einzug im Bürgerbüro im Rathaus "
                    "Ihrer Stadt oder Gemeinde an. Bringen Sie Ihren Pass oder Ausweis und die Bestätigung "
                    "Ihres Vermieters (Wohnungsgeberbestätigung) mit.\n\n"
                    "Ausländerbehörde: Wohnen Sie in Lünen, ist die Ausländerbehörde der Stadt Lünen für Sie "
                    "zuständig. In allen anderen Städten und Gemeinden des Kreises ist es die Ausländerbehörde "
                    "des Kreises Unna. Die Ausländerbehörde informiert Sie auch über Integrationskurse und "
                    "andere Angebote in Ihrer Nähe.\n\n"
                    "Deutsch lernen: Im Integrationskurs lernen Sie Deutsch und vieles über das Leben in "
                    "Deutschland. Den Berechtigungsschein dafür stellt die Ausländerbehörde oder das "
                    "Jobcenter aus.\n\n"
                    "Beratung: Die Migrationsberatung für Erwachsene (MBE, ab 27 Jahren) und der "
                    "Jugendmigrationsdienst (JMD, 12 bis 27 Jahre) helfen kostenlos bei vielen Fragen.\n\n"
                    "Kinder: Kleine Kinder können in eine Kita oder in die Kindertagespflege gehen. Fragen Sie "
                    "früh nach einem Platz. Kinder im Schulalter müssen in Deutschland zur Schule gehen. Die "
                    "Beratungsstellen helfen bei der Suche. Das Kommunale Integrationszentrum bietet außerdem "
                    "Programme für Eltern und Kinder an, zum Beispiel Griffbereit und Rucksack.\n\n"
                    "Angebote finden: Wählen Sie oben auf der Seite Ihre Sprache. In der Liste aller Angebote "
                    "können Sie nach Wohnort, Thema, Zielgruppe und Sprache filtern – zum Beispiel nur "
                    "kostenlose Angebote, Angebote mit Kinderbetreuung, Angebote nur für Frauen oder "
                    "Online-Angebote. Sie können auch ein Wort in das Suchfeld eingeben."
                ),
            ),
            "en": (
                "First steps after arrival in the Kreis Unna",
                "New in the Kreis Unna? These steps help you settle in: registering your address, the "
                "foreigners’ authority, integration course, counselling, day care and school.",
                (
                    "Register your address: Soon after moving in, register your home at the citizens’ office "
                    "(Bürgerbüro) in the town hall of your town. Bring your passport or ID card and the "
                    "confirmation from your landlord (Wohnungsgeberbestätigung).\n\n"
                    "Foreigners’ authority: If you live in Lünen, the foreigners’ authority (Ausländerbehörde) "
                    "of the city of Lünen is responsible for you. In all other towns of the district it is the "
                    "foreigners’ authority of the Kreis Unna. The foreigners’ authority also informs you about "
                    "integration courses and other offers near you.\n\n"
                    "Learn German: In an integration course you learn German and a lot about life in Germany. "
                    "The certificate of entitlement (Berechtigungsschein) is issued by the foreigners’ "
                    "authority or the Jobcenter.\n\n"
                    "Counselling: Migration counselling for adults (MBE, aged 27 and over) and the Youth "
                    "Migration Service (JMD, aged 12 to 27) help free of charge with many questions.\n\n"
                    "Children: Young children can go to a day care centre (Kita) or to a childminder "
                    "(Kindertagespflege). Ask for a place early. Children of school age must go to school in "
                    "Germany. The counselling services help you find a place. The Municipal Integration Centre "
                    "(Kommunales Integrationszentrum) also offers programmes for parents and children, for "
                    "example Griffbereit and Rucksack.\n\n"
                    "Find offers: Choose your language at the top of the page. In the list of all offers you "
                    "can filter by place of residence, topic, target group and language – for example only free "
                    "offers, offers with childcare, offers for women only or online offers. You can also type a "
                    "word into the search box."
                ),
            ),
            "tr": (
                "Kreis Unna'ya geldikten sonra ilk adımlar",
                "Kreis Unna'da yeni misiniz? Bu adımlar alışmanızı kolaylaştırır: adres kaydı, Yabancılar "
                "Dairesi, entegrasyon kursu, danışmanlık, kreş ve okul.",
                (
                    "Adres kaydı: Taşındıktan kısa süre sonra konutunuzu, oturduğunuz şehrin belediye "
                    "binasındaki vatandaş bürosuna (Bürgerbüro) kaydettirin. Yanınızda pasaportunuzu veya "
                    "kimlik kartınızı ve ev sahibinizden alacağınız onay belgesini "
                    "(Wohnungsgeberbestätigung) getirin.\n\n"
                    "Yabancılar Dairesi: Lünen'de oturuyorsanız sizden Lünen Belediyesi Yabancılar Dairesi "
                    "(Ausländerbehörde) sorumludur. Kreis'in diğer tüm şehir ve belediyelerinde Kreis Unna "
                    "Yabancılar Dairesi sorumludur. Yabancılar Dairesi size entegrasyon kursları ve "
                    "yakınınızdaki diğer hizmetler hakkında da bilgi verir.\n\n"
                    "Almanca öğrenmek: Entegrasyon kursunda Almanca ve Almanya'daki yaşam hakkında çok şey "
                    "öğrenirsiniz. Bunun için gereken katılım hakkı belgesini (Berechtigungsschein) "
                    "Yabancılar Dairesi veya Jobcenter verir.\n\n"
                    "Danışmanlık: Yetişkinler için göç danışmanlığı (MBE, 27 yaştan itibaren) ve Gençlik Göç "
                    "Servisi (JMD, 12–27 yaş) birçok konuda ücretsiz yardım eder.\n\n"
                    "Çocuklar: Küçük çocuklar kreşe (Kita) veya bir gündüz bakıcısına (Kindertagespflege) "
                    "gidebilir. Yer için erkenden başvurun. Almanya'da okul çağındaki çocukların okula gitmesi "
                    "zorunludur. Danışmanlık merkezleri yer bulmanıza yardım eder. Belediye Entegrasyon "
                    "Merkezi (Kommunales Integrationszentrum) ayrıca anne-babalar ve çocuklar için programlar "
                    "sunar, örneğin Griffbereit ve Rucksack.\n\n"
                    "Hizmet bulmak: Sayfanın üst kısmından dilinizi seçin. Tüm hizmetlerin listesinde "
                    "oturduğunuz yere, konuya, hedef gruba ve dile göre filtreleme yapabilirsiniz – örneğin "
                    "yalnızca ücretsiz hizmetler, çocuk bakımı olan hizmetler, yalnızca kadınlara yönelik "
                    "hizmetler veya online hizmetler. Arama kutusuna bir kelime de yazabilirsiniz."
                ),
            ),
            "ar": (
                "الخطوات الأولى بعد الوصول إلى مقاطعة أونا",
                "هل أنت جديد في مقاطعة أونا؟ هذه الخطوات تساعدك على الاستقرار: تسجيل العنوان، ودائرة شؤون "
                "الأجانب، ودورة الاندماج، والاستشارة، ودور الحضانة والمدرسة.",
                (
                    "تسجيل العنوان: سجّل مسكنك بعد الانتقال إليه بوقت قصير لدى مكتب خدمة المواطنين "
                    "(Bürgerbüro) في دار بلدية مدينتك. أحضِر معك جواز سفرك أو بطاقة هويتك وتأكيد المؤجِّر "
                    "(Wohnungsgeberbestätigung).\n\n"
                    "دائرة شؤون الأجانب: إذا كنت تسكن في Lünen، فإن دائرة شؤون الأجانب (Ausländerbehörde) "
                    "التابعة لمدينة Lünen هي المختصة بك. أما في جميع المدن والبلديات الأخرى في المقاطعة "
                    "فالمختصة هي دائرة شؤون الأجانب التابعة لمقاطعة أونا (Kreis Unna). وتُعلمك دائرة شؤون "
                    "الأجانب أيضًا بدورات الاندماج وبالعروض الأخرى القريبة منك.\n\n"
                    "تعلّم الألمانية: في دورة الاندماج تتعلّم اللغة الألمانية وتتعرّف على الحياة في ألمانيا. "
                    "وتصدر شهادة الاستحقاق (Berechtigungsschein) عن دائرة شؤون الأجانب أو عن مركز العمل "
                    "(Jobcenter).\n\n"
                    "الاستشارة: تساعد استشارات الهجرة للبالغين (MBE، من عمر 27 عامًا) وخدمة هجرة الشباب "
                    "(JMD، من 12 إلى 27 عامًا) مجانًا في كثير من الأسئلة.\n\n"
                    "الأطفال: يمكن للأطفال الصغار الذهاب إلى دار حضانة (Kita) أو إلى مربّية أطفال نهارية "
                    "(Kindertagespflege). اسأل عن مكان مبكرًا. والذهاب إلى المدرسة إلزامي في ألمانيا للأطفال "
                    "في سن الدراسة. وتساعدك مراكز الاستشارة في البحث عن مكان. كما يقدّم مركز الاندماج البلدي "
                    "(Kommunales Integrationszentrum) برامج للآباء والأمهات والأطفال، مثل برنامج Griffbereit "
                    "وبرنامج Rucksack.\n\n"
                    "إيجاد العروض: اختر لغتك في أعلى الصفحة. في قائمة جميع العروض يمكنك التصفية حسب مكان "
                    "السكن والموضوع والفئة المستهدفة واللغة، مثلًا العروض المجانية فقط، أو العروض التي توفّر "
                    "رعاية للأطفال، أو العروض المخصّصة للنساء فقط، أو العروض عبر الإنترنت. ويمكنك أيضًا كتابة "
                    "كلمة في خانة البحث."
                ),
            ),
            "ru": (
                "Первые шаги после приезда в район Унна",
                "Вы недавно в районе Унна? Эти шаги помогут освоиться: регистрация адреса, ведомство по делам "
                "иностранцев, интеграционный курс, консультации, детский сад и школа.",
                (
                    "Регистрация адреса: вскоре после переезда зарегистрируйте место жительства в бюро по "
                    "обслуживанию граждан (Bürgerbüro) в ратуше вашего города или общины. Возьмите с собой "
                    "паспорт или удостоверение личности и подтверждение от арендодателя "
                    "(Wohnungsgeberbestätigung).\n\n"
                    "Ведомство по делам иностранцев: если вы живёте в Lünen, за вас отвечает ведомство по "
                    "делам иностранцев (Ausländerbehörde) города Lünen. Во всех остальных городах и общинах "
                    "района это ведомство по делам иностранцев района Унна (Kreis Unna). Ведомство по делам "
                    "иностранцев также рассказывает об интеграционных курсах и других предложениях рядом "
                    "с вами.\n\n"
                    "Изучение немецкого: на интеграционном курсе вы изучаете немецкий язык и многое узнаёте "
                    "о жизни в Германии. Свидетельство о праве на участие (Berechtigungsschein) выдаёт "
                    "ведомство по делам иностранцев или Jobcenter.\n\n"
                    "Консультации: миграционная консультация для взрослых (MBE, от 27 лет) и молодёжная "
                    "миграционная служба (JMD, от 12 до 27 лет) бесплатно помогают по многим вопросам.\n\n"
                    "Дети: маленькие дети могут ходить в детский сад (Kita) или к дневной няне "
                    "(Kindertagespflege). Спрашивайте о месте заранее. Дети школьного возраста в Германии "
                    "обязаны ходить в школу. Консультационные службы помогут с поиском места. Коммунальный "
                    "интеграционный центр (Kommunales Integrationszentrum) также предлагает программы для "
                    "родителей и детей, например Griffbereit и Rucksack.\n\n"
                    "Поиск предложений: выберите язык вверху страницы. В списке всех предложений можно "
                    "фильтровать по месту жительства, теме, целевой группе и языку – например, только "
                    "бесплатные предложения, предложения с присмотром за детьми, только для женщин или онлайн. "
                    "Можно также ввести слово в поле поиска."
                ),
            ),
            "uk": (
                "Перші кроки після приїзду в район Унна",
                "Ви нещодавно в районі Унна? Ці кроки допоможуть облаштуватися: реєстрація адреси, відомство "
                "у справах іноземців, інтеграційний курс, консультації, дитячий садок і школа.",
                (
                    "Реєстрація адреси: невдовзі після переїзду зареєструйте місце проживання в бюро "
                    "обслуговування громадян (Bürgerbüro) у ратуші вашого міста або громади. Візьміть із собою "
                    "паспорт або посвідчення особи та підтвердження від орендодавця "
                    "(Wohnungsgeberbestätigung).\n\n"
                    "Відомство у справах іноземців: якщо ви живете в Lünen, за вас відповідає відомство у "
                    "справах іноземців (Ausländerbehörde) міста Lünen. У всіх інших містах і громадах району "
                    "це відомство у справах іноземців району Унна (Kreis Unna). Відомство у справах іноземців "
                    "також розповідає про інтеграційні курси та інші пропозиції поруч із вами.\n\n"
                    "Вивчення німецької: на інтеграційному курсі ви вивчаєте німецьку мову та багато "
                    "дізнаєтеся про життя в Німеччині. Посвідчення про право на участь (Berechtigungsschein) "
                    "видає відомство у справах іноземців або Jobcenter.\n\n"
                    "Консультації: міграційна консультація для дорослих (MBE, від 27 років) і молодіжна "
                    "міграційна служба (JMD, від 12 до 27 років) безкоштовно допомагають із багатьма "
                    "питаннями.\n\n"
                    "Діти: маленькі діти можуть ходити в дитячий садок (Kita) або до денної няні "
                    "(Kindertagespflege). Запитуйте про місце заздалегідь. Діти шкільного віку в Німеччині "
                    "зобов’язані ходити до школи. Консультаційні служби допоможуть із пошуком місця. "
                    "Комунальний інтеграційний центр (Kommunales Integrationszentrum) також пропонує програми "
                    "для батьків і дітей, наприклад Griffbereit і Rucksack.\n\n"
                    "Пошук пропозицій: виберіть мову вгорі сторінки. У списку всіх пропозицій можна "
                    "фільтрувати за місцем проживання, темою, цільовою групою та мовою – наприклад, лише "
                    "безкоштовні пропозиції, пропозиції з доглядом за дітьми, лише для жінок або онлайн. "
                    "Також можна ввести слово в поле пошуку."
                ),
            ),
        },
    ),
    # 6 ────────────────────────────────────────────────────────────────
    (
        "leichte-sprache",
        "easy_language",
        60,
        False,
        {
            "de": (
                "Leichte Sprache: Das ist Wel-KOMM-In",
                "Hier steht in Leichter Sprache: Was ist Wel-KOMM-In? Für wen ist die Internet-Seite? "
                "Und wie benutzen Sie die Internet-Seite?",
                (
                    "Wel-KOMM-In ist eine Internet-Seite.\n"
                    "Die Internet-Seite ist für Menschen aus anderen Ländern.\n"
                    "Diese Menschen wohnen jetzt im Kreis Unna.\n"
                    "Die Internet-Seite ist auch für Menschen, die ihnen helfen.\n\n"
                    "Auf der Internet-Seite finden Sie Angebote in Ihrer Nähe.\n"
                    "Zum Beispiel:\n"
                    "– Deutsch-Kurse und Integrations-Kurse\n"
                    "– Beratung bei Fragen und Problemen\n"
                    "– Hilfe für Kinder und Eltern\n\n"
                    "So benutzen Sie die Internet-Seite:\n"
                    "– Oben auf der Seite wählen Sie Ihre Sprache.\n"
                    "– Dann wählen Sie Ihre Stadt.\n"
                    "– Dann wählen Sie: Was suchen Sie?\n"
                    "– Oder Sie schreiben ein Wort in das Such-Feld.\n"
                    "Dann sehen Sie passende Angebote.\n\n"
                    "Die Internet-Seite kostet nichts.\n"
                    "Viele Angebote kosten auch nichts.\n\n"
                    "Wir haben die Internet-Seite gemacht.\n"
                    "Wir sind das Kommunale Integrations-Zentrum.\n"
                    "Das Kommunale Integrations-Zentrum gehört zum Kreis Unna.\n\n"
                    "Funktioniert etwas auf der Internet-Seite nicht?\n"
                    "Dann sagen Sie es uns bitte.\n"
                    "Unten auf jeder Seite steht das Wort Barrierefreiheit.\n"
                    "Wir schreiben es hier so: Barriere-Freiheit.\n"
                    "Barriere-Freiheit bedeutet:\n"
                    "Alle Menschen können die Internet-Seite gut benutzen.\n"
                    "Klicken Sie auf das Wort.\n"
                    "Dann kommen Sie zu einem Formular.\n"
                    "Schreiben Sie in das Formular: Was funktioniert nicht?\n"
                    "Sie möchten eine Antwort?\n"
                    "Dann schreiben Sie auch Ihre E-Mail-Adresse in das Formular.\n"
                    "Wir antworten Ihnen."
                ),
            ),
        },
    ),
    # 7 ────────────────────────────────────────────────────────────────
    (
        "impressum",
        "legal",
        90,
        True,
        {
            "de": (
                "Impressum",
                "Platzhalter: Der Kreis Unna trägt hier die gesetzlich vorgeschriebenen Angaben nach "
                "§ 5 DDG ein.",
                (
                    "PLATZHALTER: Dieser Text ist noch nicht das gültige Impressum. Der Kreis Unna ergänzt hier "
                    "die Angaben, die § 5 Digitale-Dienste-Gesetz (DDG) vorschreibt.\n\n"
                    "Noch auszufüllen:\n"
                    "– Anbieter der Website: Name und Anschrift\n"
                    "– Vertretungsberechtigte Person\n"
                    "– Kontakt: Telefon und E-Mail-Adresse\n"
                    "– Verantwortlich für den Inhalt\n\n"
                    "Die Inhalte dieses Portals pflegt das Kommunale Integrationszentrum Kreis Unna."
                ),
            ),
            "en": (
                "Imprint (legal notice)",
                "Placeholder: the Kreis Unna will enter the legally required information under § 5 DDG here.",
                (
                    "PLACEHOLDER: this text is not yet the valid imprint. The Kreis Unna will add the "
                    "information required by § 5 of the German Digital Services Act "
                    "(Digitale-Dienste-Gesetz, DDG).\n\n"
                    "Still to be filled in:\n"
                    "– Provider of the website: name and address\n"
                    "– Authorised representative\n"
                    "– Contact: telephone and e-mail address\n"
                    "– Responsible for the content\n\n"
                    "The content of this portal is maintained by the Municipal Integration Centre "
                    "(Kommunales Integrationszentrum) of the Kreis Unna."
                ),
            ),
            "tr": (
                "Künye (Impressum)",
                "Yer tutucu metin: Kreis Unna, § 5 DDG uyarınca yasal olarak zorunlu bilgileri buraya "
                "ekleyecektir.",
                (
                    "YER TUTUCU METİN: Bu metin henüz geçerli künye değildir. Kreis Unna, Dijital Hizmetler "
                    "Yasası'nın (Digitale-Dienste-Gesetz, DDG) 5. maddesinin öngördüğü bilgileri buraya "
                    "ekleyecektir.\n\n"
                    "Doldurulacak bölümler:\n"
                    "– Web sitesinin sağlayıcısı: adı ve adresi\n"
                    "– Temsile yetkili kişi\n"
                    "– İletişim: telefon ve e-posta adresi\n"
                    "– İçerikten sorumlu kişi\n\n"
                    "Bu portalın içeriğini Kreis Unna Belediye Entegrasyon Merkezi (Kommunales "
                    "Integrationszentrum) hazırlamaktadır."
                ),
            ),
            "ar": (
                "بيانات الناشر (Impressum)",
                "نص مؤقت: ستضيف مقاطعة أونا هنا البيانات المطلوبة قانونًا وفق المادة 5 من قانون الخدمات "
                "الرقمية (DDG).",
                (
                    "نص مؤقت: هذا النص ليس بعدُ بيانات الناشر السارية. ستضيف مقاطعة أونا (Kreis Unna) هنا "
                    "البيانات التي تنصّ عليها المادة 5 من قانون الخدمات الرقمية الألماني "
                    "(Digitale-Dienste-Gesetz، DDG).\n\n"
                    "البيانات التي ستُضاف:\n"
                    "– الجهة المقدّمة للموقع: الاسم والعنوان\n"
                    "– الشخص المخوَّل بالتمثيل\n"
                    "– التواصل: الهاتف والبريد الإلكتروني\n"
                    "– المسؤول عن المحتوى\n\n"
                    "يتولّى مركز الاندماج البلدي (Kommunales Integrationszentrum) في مقاطعة أونا تحرير محتوى "
                    "هذه البوابة."
                ),
            ),
            "ru": (
                "Выходные данные (Impressum)",
                "Временный текст: район Унна внесёт сюда обязательные по закону сведения согласно § 5 DDG.",
                (
                    "ВРЕМЕННЫЙ ТЕКСТ: это ещё не действующие выходные данные. Район Унна (Kreis Unna) "
                    "дополнит здесь сведения, которые требует § 5 Закона о цифровых услугах "
                    "(Digitale-Dienste-Gesetz, DDG).\n\n"
                    "Нужно ещё заполнить:\n"
                    "– Оператор сайта: название и адрес\n"
                    "– Лицо, уполномоченное представлять организацию\n"
                    "– Контакты: телефон и адрес электронной почты\n"
                    "– Ответственный за содержание\n\n"
                    "Содержание портала ведёт Коммунальный интеграционный центр (Kommunales "
                    "Integrationszentrum) района Унна."
                ),
            ),
            "uk": (
                "Вихідні дані (Impressum)",
                "Тимчасовий текст: район Унна внесе сюди обов’язкові за законом відомості згідно з § 5 DDG.",
                (
                    "ТИМЧАСОВИЙ ТЕКСТ: це ще не чинні вихідні дані. Район Унна (Kreis Unna) доповнить тут "
                    "відомості, яких вимагає § 5 Закону про цифрові послуги (Digitale-Dienste-Gesetz, DDG).\n\n"
                    "Ще потрібно заповнити:\n"
                    "– Оператор сайту: назва та адреса\n"
                    "– Особа, уповноважена представляти організацію\n"
                    "– Контакти: телефон і адреса електронної пошти\n"
                    "– Відповідальний за зміст\n\n"
                    "Зміст порталу веде Комунальний інтеграційний центр (Kommunales Integrationszentrum) "
                    "району Унна."
                ),
            ),
        },
    ),
    # 8 ────────────────────────────────────────────────────────────────
    (
        "datenschutz",
        "legal",
        91,
        True,
        {
            "de": (
                "Datenschutzerklärung",
                "Platzhalter: Der Kreis Unna ergänzt die vollständige Datenschutzerklärung; hier steht schon, "
                "welche Daten diese Website verarbeitet.",
                (
                    "PLATZHALTER: Dies ist noch nicht die vollständige Datenschutzerklärung. Der Kreis Unna "
                    "ergänzt den Text.\n\n"
                    "Schon jetzt gilt für diese Website:\n"
                    "– Es gibt kein Tracking und keine Werbe- oder Statistik-Cookies.\n"
                    "– Technisch notwendige Cookies (Sitzung und Schutz vor gefälschten Formular-Anfragen, "
                    "CSRF) werden nur gesetzt, wo ein Formular verwendet wird.\n"
                    "– Schriften, Skripte und Kartenkacheln werden nicht von fremden Servern geladen. Karten "
                    "sind nur Links zu OpenStreetMap. OpenStreetMap öffnet sich erst, wenn Sie selbst auf den "
                    "Link klicken.\n"
                    "– Persönliche Daten fragen wir nur im Formular zur Barrierefreiheit ab: Ihre Nachricht und, "
                    "wenn Sie möchten, die betroffene Seite und Ihre E-Mail-Adresse. Die E-Mail-Adresse "
                    "verwenden wir nur, um Ihnen zu antworten.\n\n"
                    "Der Kreis Unna ergänzt noch:\n"
                    "– Verantwortliche Stelle\n"
                    "– Datenschutzbeauftragte oder Datenschutzbeauftragter\n"
                    "– Hosting und Server-Protokolle\n"
                    "– Ihre Rechte"
                ),
            ),
            "en": (
                "Privacy notice",
                "Placeholder: the Kreis Unna will add the complete privacy notice; this page already explains "
                "which data this website processes.",
                (
                    "PLACEHOLDER: this is not yet the complete privacy notice. The Kreis Unna will add to this "
                    "text.\n\n"
                    "The following already applies to this website:\n"
                    "– There is no tracking and there are no advertising or statistics cookies.\n"
                    "– Technically necessary cookies (session and protection against forged form requests, "
                    "CSRF) are only set where a form is used.\n"
                    "– Fonts, scripts and map tiles are not loaded from other servers. Maps are only links to "
                    "OpenStreetMap. OpenStreetMap only opens if you click the link yourself.\n"
                    "– Personal data is only requested in the accessibility feedback form: your message and, "
                    "if you wish, the page concerned and your e-mail address. We use the e-mail address only "
                    "to answer you.\n\n"
                    "The Kreis Unna will still add:\n"
                    "– Controller (the body responsible)\n"
                    "– Data protection officer\n"
                    "– Hosting and server logs\n"
                    "– Your rights"
                ),
            ),
            "tr": (
                "Gizlilik bildirimi (Datenschutzerklärung)",
                "Yer tutucu metin: Kreis Unna, gizlilik bildiriminin tamamını ekleyecektir; bu sayfa, web "
                "sitesinin hangi verileri işlediğini şimdiden açıklar.",
                (
                    "YER TUTUCU METİN: Bu henüz gizlilik bildiriminin tamamı değildir. Kreis Unna metni "
                    "tamamlayacaktır.\n\n"
                    "Bu web sitesi için şimdiden şunlar geçerlidir:\n"
                    "– Takip (tracking) yoktur; reklam veya istatistik çerezleri kullanılmaz.\n"
                    "– Teknik olarak gerekli çerezler (oturum ve sahte form isteklerine karşı koruma, CSRF) "
                    "yalnızca bir formun kullanıldığı yerlerde ayarlanır.\n"
                    "– Yazı tipleri, betikler ve harita karoları başka sunuculardan yüklenmez. Haritalar "
                    "yalnızca OpenStreetMap'e giden bağlantılardır. OpenStreetMap ancak bağlantıya kendiniz "
                    "tıklarsanız açılır.\n"
                    "– Kişisel veriler yalnızca erişilebilirlik geri bildirim formunda istenir: mesajınız ve "
                    "isterseniz ilgili sayfa ile e-posta adresiniz. E-posta adresinizi yalnızca size yanıt "
                    "vermek için kullanırız.\n\n"
                    "Kreis Unna ayrıca şunları ekleyecektir:\n"
                    "– Sorumlu kurum (veri sorumlusu)\n"
                    "– Veri koruma görevlisi\n"
                    "– Barındırma (hosting) ve sunucu kayıtları\n"
                    "– Haklarınız"
                ),
            ),
            "ar": (
                "بيان حماية البيانات",
                "نص مؤقت: ستضيف مقاطعة أونا بيان حماية البيانات الكامل؛ وتوضّح هذه الصفحة منذ الآن البيانات "
                "التي يعالجها هذا الموقع.",
                (
                    "نص مؤقت: هذا ليس بعدُ بيان حماية البيانات الكامل. ستكمل مقاطعة أونا (Kreis Unna) هذا "
                    "النص.\n\n"
                    "ينطبق على هذا الموقع منذ الآن ما يلي:\n"
                    "– لا يوجد تتبّع، ولا توجد ملفات تعريف ارتباط (Cookies) للإعلانات أو الإحصاءات.\n"
                    "– لا تُستخدم ملفات تعريف الارتباط الضرورية تقنيًا (للجلسة وللحماية من طلبات النماذج "
                    "المزوّرة، CSRF) إلا حيث يُستخدم نموذج.\n"
                    "– لا يتم تحميل الخطوط أو النصوص البرمجية أو مربّعات الخرائط من خوادم خارجية. الخرائط "
                    "مجرد روابط إلى OpenStreetMap، ولا يُفتح OpenStreetMap إلا إذا نقرت على الرابط بنفسك.\n"
                    "– لا نطلب بيانات شخصية إلا في نموذج الإبلاغ عن العوائق: رسالتك، وإن رغبت، الصفحة المعنية "
                    "وعنوان بريدك الإلكتروني. ونستخدم عنوان البريد الإلكتروني فقط للرد عليك.\n\n"
                    "ستضيف مقاطعة أونا أيضًا:\n"
                    "– الجهة المسؤولة\n"
                    "– مسؤول حماية البيانات\n"
                    "– الاستضافة وسجلات الخادم\n"
                    "– حقوقك"
                ),
            ),
            "ru": (
                "Политика конфиденциальности (Datenschutzerklärung)",
                "Временный текст: район Унна дополнит полную политику конфиденциальности; уже сейчас здесь "
                "указано, какие данные обрабатывает этот сайт.",
                (
                    "ВРЕМЕННЫЙ ТЕКСТ: это ещё не полная политика конфиденциальности. Район Унна (Kreis Unna) "
                    "дополнит текст.\n\n"
                    "Уже сейчас для этого сайта действует следующее:\n"
                    "– Нет отслеживания, нет рекламных или статистических cookie-файлов.\n"
                    "– Технически необходимые cookie-файлы (сессия и защита от поддельных запросов форм, CSRF) "
                    "устанавливаются только там, где используется форма.\n"
                    "– Шрифты, скрипты и фрагменты карт не загружаются с чужих серверов. Карты – это только "
                    "ссылки на OpenStreetMap. OpenStreetMap открывается, только если вы сами нажмёте на "
                    "ссылку.\n"
                    "– Персональные данные запрашиваются только в форме обратной связи о доступности: ваше "
                    "сообщение и, по желанию, страница, о которой идёт речь, и ваш адрес электронной почты. "
                    "Адрес электронной почты мы используем только для ответа вам.\n\n"
                    "Район Унна ещё дополнит:\n"
                    "– Ответственное учреждение\n"
                    "– Уполномоченный по защите данных\n"
                    "– Хостинг и журналы сервера\n"
                    "– Ваши права"
                ),
            ),
            "uk": (
                "Політика конфіденційності (Datenschutzerklärung)",
                "Тимчасовий текст: район Унна доповнить повну політику конфіденційності; уже зараз тут "
                "зазначено, які дані обробляє цей сайт.",
                (
                    "ТИМЧАСОВИЙ ТЕКСТ: це ще не повна політика конфіденційності. Район Унна (Kreis Unna) "
                    "доповнить текст.\n\n"
                    "Уже зараз для цього сайту діє таке:\n"
                    "– Немає відстеження, немає рекламних чи статистичних файлів cookie.\n"
                    "– Технічно необхідні файли cookie (сесія та захист від підроблених запитів форм, CSRF) "
                    "встановлюються лише там, де використовується форма.\n"
                    "– Шрифти, скрипти та фрагменти карт не завантажуються зі сторонніх серверів. Карти – це "
                    "лише посилання на OpenStreetMap. OpenStreetMap відкривається, лише якщо ви самі "
                    "натиснете на посилання.\n"
                    "– Персональні дані запитуються лише у формі зворотного зв’язку щодо доступності: ваше "
                    "повідомлення і, за бажанням, сторінка, про яку йдеться, та ваша адреса електронної пошти. "
                    "Адресу електронної пошти ми використовуємо лише для того, щоб відповісти вам.\n\n"
                    "Район Унна ще доповнить:\n"
                    "– Відповідальна установа\n"
                    "– Уповноважена особа із захисту даних\n"
                    "– Хостинг і журнали сервера\n"
                    "– Ваші права"
                ),
            ),
        },
    ),
    # 9 ────────────────────────────────────────────────────────────────
    (
        "barrierefreiheit",
        "legal",
        92,
        True,
        {
            "de": (
                "Erklärung zur Barrierefreiheit",
                "Platzhalter: Der Kreis Unna ergänzt die Erklärung zur Barrierefreiheit nach BITV NRW; "
                "Barrieren können Sie schon jetzt über das Formular melden.",
                (
                    "PLATZHALTER: Die formale Erklärung zur Barrierefreiheit ergänzt der Kreis Unna noch.\n\n"
                    "Diese Website soll barrierefrei sein nach der Barrierefreie-Informationstechnik-Verordnung "
                    "Nordrhein-Westfalen (BITV NRW). Maßstab sind die WCAG 2.1 auf Stufe AA und die europäische "
                    "Norm EN 301 549.\n\n"
                    "Der Kreis Unna ergänzt:\n"
                    "– Stand der Vereinbarkeit mit den Anforderungen und nicht barrierefreie Inhalte\n"
                    "– Datum der Erklärung\n"
                    "– Kontakt für das Durchsetzungsverfahren\n\n"
                    "Barriere melden: Stoßen Sie auf dieser Website auf eine Barriere? Beschreiben Sie sie im "
                    "Formular unter diesem Text. Das Kommunale Integrationszentrum Kreis Unna kümmert sich "
                    "darum und antwortet Ihnen, wenn Sie eine E-Mail-Adresse angeben."
                ),
            ),
            "en": (
                "Accessibility statement",
                "Placeholder: the Kreis Unna will add the accessibility statement under BITV NRW; you can "
                "already report barriers using the form.",
                (
                    "PLACEHOLDER: the Kreis Unna will still add the formal accessibility statement.\n\n"
                    "This website is meant to be accessible under the accessible IT regulation of North "
                    "Rhine-Westphalia (Barrierefreie-Informationstechnik-Verordnung NRW, BITV NRW). The "
                    "standards are WCAG 2.1 at level AA and the European standard EN 301 549.\n\n"
                    "The Kreis Unna will add:\n"
                    "– Status of compliance with the requirements and content that is not accessible\n"
                    "– Date of the statement\n"
                    "– Contact for the enforcement procedure\n\n"
                    "Report a barrier: Have you come across a barrier on this website? Describe it in the form "
                    "below this text. The Municipal Integration Centre (Kommunales Integrationszentrum) of the "
                    "Kreis Unna will deal with it and answer you if you give an e-mail address."
                ),
            ),
            "tr": (
                "Erişilebilirlik beyanı",
                "Yer tutucu metin: Kreis Unna, BITV NRW uyarınca erişilebilirlik beyanını ekleyecektir; "
                "engelleri şimdiden form aracılığıyla bildirebilirsiniz.",
                (
                    "YER TUTUCU METİN: Resmî erişilebilirlik beyanını Kreis Unna daha sonra ekleyecektir.\n\n"
                    "Bu web sitesinin, Kuzey Ren-Vestfalya Engelsiz Bilgi Teknolojisi Yönetmeliği'ne "
                    "(Barrierefreie-Informationstechnik-Verordnung NRW, BITV NRW) göre erişilebilir olması "
                    "hedeflenmektedir. Ölçüt, AA düzeyinde WCAG 2.1 ve Avrupa standardı EN 301 549'dur.\n\n"
                    "Kreis Unna şunları ekleyecektir:\n"
                    "– Gerekliliklere uygunluk durumu ve erişilebilir olmayan içerikler\n"
                    "– Beyanın tarihi\n"
                    "– Uygulama (yaptırım) süreci için iletişim bilgileri\n\n"
                    "Engel bildirmek: Bu web sitesinde bir engelle mi karşılaştınız? Engeli bu metnin altındaki "
                    "formda anlatın. Kreis Unna Belediye Entegrasyon Merkezi (Kommunales Integrationszentrum) "
                    "konuyla ilgilenir ve bir e-posta adresi verirseniz size yanıt verir."
                ),
            ),
            "ar": (
                "بيان إمكانية الوصول",
                "نص مؤقت: ستضيف مقاطعة أونا بيان إمكانية الوصول وفق BITV NRW؛ ويمكنك منذ الآن الإبلاغ عن "
                "العوائق عبر النموذج.",
                (
                    "نص مؤقت: ستضيف مقاطعة أونا (Kreis Unna) لاحقًا البيان الرسمي لإمكانية الوصول.\n\n"
                    "يُراد لهذا الموقع أن يكون خاليًا من العوائق وفق لائحة تقنية المعلومات الخالية من العوائق "
                    "في ولاية شمال الراين وستفاليا (BITV NRW). والمعيار هو WCAG 2.1 بالمستوى AA والمعيار "
                    "الأوروبي EN 301 549.\n\n"
                    "ستضيف مقاطعة أونا:\n"
                    "– مدى التوافق مع المتطلبات والمحتويات غير الخالية من العوائق\n"
                    "– تاريخ البيان\n"
                    "– جهة الاتصال الخاصة بإجراءات الإنفاذ\n\n"
                    "الإبلاغ عن عائق: هل واجهت عائقًا في هذا الموقع؟ صِفه في النموذج الموجود أسفل هذا النص. "
                    "سيتولّى مركز الاندماج البلدي (Kommunales Integrationszentrum) في مقاطعة أونا الأمر، "
                    "وسيرد عليك إذا ذكرت عنوان بريد إلكتروني."
                ),
            ),
            "ru": (
                "Заявление о доступности",
                "Временный текст: район Унна дополнит заявление о доступности согласно BITV NRW; о барьерах "
                "можно сообщить уже сейчас через форму.",
                (
                    "ВРЕМЕННЫЙ ТЕКСТ: официальное заявление о доступности район Унна (Kreis Unna) ещё "
                    "дополнит.\n\n"
                    "Этот сайт должен быть доступным в соответствии с Постановлением о безбарьерных "
                    "информационных технологиях земли Северный Рейн-Вестфалия (BITV NRW). Критерии – "
                    "WCAG 2.1 на уровне AA и европейский стандарт EN 301 549.\n\n"
                    "Район Унна дополнит:\n"
                    "– Степень соответствия требованиям и недоступное содержимое\n"
                    "– Дата заявления\n"
                    "– Контакт для процедуры обеспечения соблюдения требований\n\n"
                    "Сообщить о барьере: вы столкнулись с барьером на этом сайте? Опишите его в форме под этим "
                    "текстом. Коммунальный интеграционный центр (Kommunales Integrationszentrum) района Унна "
                    "займётся этим и ответит вам, если вы укажете адрес электронной почты."
                ),
            ),
            "uk": (
                "Заява про доступність",
                "Тимчасовий текст: район Унна доповнить заяву про доступність згідно з BITV NRW; повідомити "
                "про бар’єри можна вже зараз через форму.",
                (
                    "ТИМЧАСОВИЙ ТЕКСТ: офіційну заяву про доступність район Унна (Kreis Unna) ще доповнить.\n\n"
                    "Цей сайт має бути доступним відповідно до Положення про безбар’єрні інформаційні "
                    "технології землі Північний Рейн – Вестфалія (BITV NRW). Критерії – WCAG 2.1 на рівні AA "
                    "та європейський стандарт EN 301 549.\n\n"
                    "Район Унна доповнить:\n"
                    "– Ступінь відповідності вимогам і недоступний вміст\n"
                    "– Дата заяви\n"
                    "– Контакт для процедури забезпечення дотримання вимог\n\n"
                    "Повідомити про бар’єр: ви натрапили на бар’єр на цьому сайті? Опишіть його у формі під "
                    "цим текстом. Комунальний інтеграційний центр (Kommunales Integrationszentrum) району Унна "
                    "займеться цим і відповість вам, якщо ви вкажете адресу електронної пошти."
                ),
            ),
        },
    ),
]


def load(apps, schema_editor):
    InfoPage = apps.get_model("pages", "InfoPage")
    for slug, kind, order, placeholder, texts in PAGES:
        values = {"kind": kind, "order": order, "placeholder": placeholder}
        for field_index, field in enumerate(("title", "summary", "body")):
            for code in LANGUAGES:
                values[f"{field}_{code}"] = texts[code][field_index] if code in texts else ""
            values[field] = texts["de"][field_index]
        InfoPage.objects.update_or_create(slug=slug, defaults=values)


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
