"""The categories and target groups the portal's links and QR codes rely on, in six languages.

Their slugs appear in shared URLs (?category=<slug>) and must never change.
"""

from django.db import migrations

LANGUAGES = ("de", "en", "tr", "ar", "ru", "uk")

CATEGORIES = [
    (
        "integrationskurs",
        (
            "Integrationskurs",
            "Integration course",
            "Uyum kursu",
            "دورة الاندماج",
            "Интеграционный курс",
            "Інтеграційний курс",
        ),
        (
            "Deutsch lernen und das Leben in Deutschland kennenlernen – mit Abschlussprüfung.",
            "Learn German and about life in Germany – with a final exam.",
            "Almanca öğrenin ve Almanya'daki yaşamı tanıyın – bitirme sınavıyla.",
            "تعلّم اللغة الألمانية وتعرّف على الحياة في ألمانيا – مع امتحان نهائي.",
            "Изучение немецкого языка и жизни в Германии – с итоговым экзаменом.",
            "Вивчення німецької мови та життя в Німеччині – з підсумковим іспитом.",
        ),
    ),
    (
        "migrationsberatung-erwachsene",
        (
            "Migrationsberatung für Erwachsene (MBE)",
            "Migration counselling for adults (MBE)",
            "Yetişkinler için göç danışmanlığı (MBE)",
            "الاستشارة للمهاجرين البالغين (MBE)",
            "Миграционная консультация для взрослых (MBE)",
            "Міграційна консультація для дорослих (MBE)",
        ),
        (
            "Kostenlose Beratung ab 27 Jahren zu Sprache, Arbeit, Wohnen und Behörden.",
            "Free advice for people aged 27 and over on language, work, housing and authorities.",
            "27 yaş ve üzeri için dil, iş, konut ve resmi daireler hakkında ücretsiz danışmanlık.",
            "استشارة مجانية لمن هم في سن 27 فما فوق حول اللغة والعمل والسكن والدوائر الرسمية.",
            "Бесплатная консультация с 27 лет: язык, работа, жильё, ведомства.",
            "Безкоштовна консультація з 27 років: мова, робота, житло, установи.",
        ),
    ),
    (
        "jugendmigrationsdienst",
        (
            "Jugendmigrationsdienst (JMD)",
            "Youth migration service (JMD)",
            "Gençlik göç servisi (JMD)",
            "خدمة الشباب المهاجرين (JMD)",
            "Молодёжная миграционная служба (JMD)",
            "Молодіжна міграційна служба (JMD)",
        ),
        (
            "Beratung und Begleitung für junge Menschen von 12 bis 27 Jahren: Schule, Ausbildung, Beruf.",
            "Advice and support for young people aged 12 to 27: school, training, work.",
            "12-27 yaş arası gençler için danışmanlık ve rehberlik: okul, meslek eğitimi, iş.",
            "استشارة ومرافقة للشباب من 12 إلى 27 عامًا: المدرسة والتدريب المهني والعمل.",
            "Консультации и сопровождение для молодёжи от 12 до 27 лет: школа, профобучение, работа.",
            "Консультації та супровід для молоді від 12 до 27 років: школа, профнавчання, робота.",
        ),
    ),
    (
        "berufssprachkurs",
        (
            "Berufssprachkurs",
            "Job-related German course",
            "Mesleki Almanca kursu",
            "دورة اللغة الألمانية المهنية",
            "Профессиональный языковой курс",
            "Професійний мовний курс",
        ),
        (
            "Deutsch für den Beruf, meist ab B1 – oft kostenlos.",
            "German for work, usually from level B1 – often free of charge.",
            "İş hayatı için Almanca, genellikle B1 seviyesinden itibaren – çoğu zaman ücretsiz.",
            "اللغة الألمانية للعمل، غالبًا من المستوى B1 – وكثيرًا ما تكون مجانية.",
            "Немецкий для работы, обычно с уровня B1 – часто бесплатно.",
            "Німецька для роботи, зазвичай з рівня B1 – часто безкоштовно.",
        ),
    ),
    (
        "sprachfoerderung-kinder",
        (
            "Sprachförderung für Kinder",
            "Language support for children",
            "Çocuklar için dil desteği",
            "دعم اللغة للأطفال",
            "Языковая поддержка для детей",
            "Мовна підтримка для дітей",
        ),
        (
            "Deutsch lernen in Kita und Schule, mit Spiel und Hausaufgabenhilfe.",
            "Learning German at day care and school, with play and homework help.",
            "Kreş ve okulda oyun ve ödev yardımıyla Almanca öğrenme.",
            "تعلّم الألمانية في الروضة والمدرسة، باللعب والمساعدة في الواجبات.",
            "Немецкий в детском саду и школе – через игру и помощь с домашними заданиями.",
            "Німецька в дитсадку та школі – через гру й допомогу з домашніми завданнями.",
        ),
    ),
    (
        "elternprogramme",
        (
            "Elternprogramme",
            "Parent programmes",
            "Ebeveyn programları",
            "برامج للآباء والأمهات",
            "Программы для родителей",
            "Програми для батьків",
        ),
        (
            "Eltern stärken ihre Kinder, z. B. mit Rucksack oder Griffbereit.",
            "Parents help their children learn, e.g. with Rucksack or Griffbereit.",
            "Ebeveynler çocuklarını destekler, örneğin Rucksack veya Griffbereit ile.",
            "الآباء والأمهات يدعمون تعلّم أطفالهم، مثل برنامج Rucksack أو Griffbereit.",
            "Родители поддерживают развитие детей, например в программах Rucksack или Griffbereit.",
            "Батьки підтримують розвиток дітей, наприклад у програмах Rucksack або Griffbereit.",
        ),
    ),
    (
        "beratung",
        ("Beratung", "Counselling", "Danışmanlık", "استشارات", "Консультации", "Консультації"),
        (
            "Hilfe bei Fragen zu Aufenthalt, Familie, Gesundheit, Schulden und mehr.",
            "Help with questions about residence, family, health, debt and more.",
            "Oturum, aile, sağlık, borçlar ve diğer konulardaki sorularda yardım.",
            "مساعدة في أسئلة الإقامة والأسرة والصحة والديون وغيرها.",
            "Помощь по вопросам пребывания, семьи, здоровья, долгов и не только.",
            "Допомога з питань перебування, сім'ї, здоров'я, боргів тощо.",
        ),
    ),
    (
        "freizeit-begegnung",
        (
            "Freizeit und Begegnung",
            "Leisure and meeting places",
            "Boş zaman ve buluşma yerleri",
            "أوقات الفراغ وأماكن اللقاء",
            "Досуг и встречи",
            "Дозвілля та зустрічі",
        ),
        (
            "Menschen kennenlernen: Sprachcafés, Sport, Treffpunkte.",
            "Meet people: language cafés, sport, meeting points.",
            "İnsanlarla tanışın: dil kafeleri, spor, buluşma noktaları.",
            "تعرّف على الناس: مقاهي اللغة والرياضة وأماكن الالتقاء.",
            "Знакомства: языковые кафе, спорт, места встреч.",
            "Знайомства: мовні кафе, спорт, місця зустрічей.",
        ),
    ),
    (
        "sonstiges",
        ("Weitere Angebote", "Other offers", "Diğer hizmetler", "عروض أخرى", "Другие предложения", "Інші пропозиції"),
        (
            "Alles, was sonst beim Ankommen hilft.",
            "Everything else that helps you settle in.",
            "Yerleşmenize yardımcı olan diğer her şey.",
            "كل ما يساعدك أيضًا على الاستقرار.",
            "Всё остальное, что помогает освоиться.",
            "Усе інше, що допомагає облаштуватися.",
        ),
    ),
]

TARGET_GROUPS = [
    ("frauen", ("Frauen", "Women", "Kadınlar", "النساء", "Женщины", "Жінки")),
    ("eltern", ("Eltern", "Parents", "Ebeveynler", "الآباء والأمهات", "Родители", "Батьки")),
    (
        "junge-menschen-12-27",
        (
            "Junge Menschen (12–27 Jahre)",
            "Young people (12–27)",
            "Gençler (12–27 yaş)",
            "الشباب (12–27 سنة)",
            "Молодёжь (12–27 лет)",
            "Молодь (12–27 років)",
        ),
    ),
    (
        "erwachsene-ab-27",
        (
            "Erwachsene ab 27 Jahren",
            "Adults aged 27 and over",
            "27 yaş ve üzeri yetişkinler",
            "البالغون من 27 عامًا فما فوق",
            "Взрослые от 27 лет",
            "Дорослі від 27 років",
        ),
    ),
    (
        "familien-mit-kleinen-kindern",
        (
            "Familien mit kleinen Kindern",
            "Families with small children",
            "Küçük çocuklu aileler",
            "العائلات التي لديها أطفال صغار",
            "Семьи с маленькими детьми",
            "Сім'ї з маленькими дітьми",
        ),
    ),
    ("kinder", ("Kinder", "Children", "Çocuklar", "الأطفال", "Дети", "Діти")),
    ("gefluechtete", ("Geflüchtete", "Refugees", "Mülteciler", "اللاجئون", "Беженцы", "Біженці")),
    (
        "eu-buergerinnen-und-buerger",
        (
            "EU-Bürgerinnen und -Bürger",
            "EU citizens",
            "AB vatandaşları",
            "مواطنو الاتحاد الأوروبي",
            "Граждане ЕС",
            "Громадяни ЄС",
        ),
    ),
    (
        "lesen-und-schreiben-lernen",
        (
            "Menschen, die lesen und schreiben lernen",
            "People learning to read and write",
            "Okuma yazma öğrenenler",
            "من يتعلمون القراءة والكتابة",
            "Те, кто учится читать и писать",
            "Ті, хто вчиться читати й писати",
        ),
    ),
]


def translated(field, texts):
    values = {f"{field}_{code}": text for code, text in zip(LANGUAGES, texts, strict=True)}
    values[field] = texts[0]
    return values


def load(apps, schema_editor):
    Category = apps.get_model("offers", "Category")
    TargetGroup = apps.get_model("offers", "TargetGroup")
    for order, (slug, names, explanations) in enumerate(CATEGORIES, start=1):
        Category.objects.update_or_create(
            slug=slug,
            defaults={"order": order * 10, **translated("name", names), **translated("explanation", explanations)},
        )
    for order, (slug, names) in enumerate(TARGET_GROUPS, start=1):
        TargetGroup.objects.update_or_create(slug=slug, defaults={"order": order * 10, **translated("name", names)})


class Migration(migrations.Migration):
    dependencies = [("offers", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
