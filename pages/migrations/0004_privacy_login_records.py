"""The privacy notice names what the back office keeps about logins (django-axes) and for how long.

Appended to the texts KI staff may have edited since: only to a privacy page that exists, only in
languages it has a text in, and only once.
"""

from django.db import migrations

SLUG = "datenschutz"

PARAGRAPH = {
    "de": (
        "Anmeldung im Redaktionsbereich: Wenn sich Mitarbeitende im Redaktionsbereich anmelden oder eine "
        "Anmeldung fehlschlägt, speichern wir den eingegebenen Benutzernamen, die IP-Adresse, den Browser und "
        "die Uhrzeit. So erkennen wir Versuche, Passwörter zu erraten, und sperren sie vorübergehend. Diese "
        "Angaben löschen wir nach 30 Tagen. Besucherinnen und Besucher des Portals melden sich nicht an; über "
        "sie wird nichts davon gespeichert."
    ),
    "en": (
        "Logging in to the editorial area: when staff log in to the editorial area, or a login fails, we store "
        "the user name entered, the IP address, the browser and the time. This lets us recognise attempts to "
        "guess passwords and block them for a while. We delete this information after 30 days. Visitors to the "
        "portal do not log in; none of this is stored about them."
    ),
    "tr": (
        "Editör alanına giriş: Çalışanlar editör alanına giriş yaptığında veya bir giriş başarısız olduğunda, "
        "girilen kullanıcı adını, IP adresini, tarayıcıyı ve saati kaydederiz. Böylece şifre tahmin etme "
        "girişimlerini fark eder ve geçici olarak engelleriz. Bu bilgileri 30 gün sonra sileriz. Portal "
        "ziyaretçileri giriş yapmaz; onlar hakkında bunların hiçbiri kaydedilmez."
    ),
    "ar": (
        "تسجيل الدخول إلى قسم التحرير: عندما يسجّل الموظفون الدخول إلى قسم التحرير أو يفشل تسجيل الدخول، نحفظ "
        "اسم المستخدم المُدخَل وعنوان IP والمتصفح والوقت. وبذلك نتعرّف على محاولات تخمين كلمات المرور ونحظرها "
        "مؤقتًا. ونحذف هذه البيانات بعد 30 يومًا. لا يسجّل زوار البوابة الدخول، ولا يُحفظ عنهم شيء من ذلك."
    ),
    "ru": (
        "Вход в редакционный раздел: когда сотрудники входят в редакционный раздел или вход не удаётся, мы "
        "сохраняем введённое имя пользователя, IP-адрес, браузер и время. Так мы распознаём попытки подобрать "
        "пароль и временно их блокируем. Эти данные мы удаляем через 30 дней. Посетители портала не входят в "
        "систему; о них ничего из этого не сохраняется."
    ),
    "uk": (
        "Вхід до редакційного розділу: коли працівники входять до редакційного розділу або вхід не вдається, ми "
        "зберігаємо введене ім’я користувача, IP-адресу, браузер і час. Так ми розпізнаємо спроби підібрати "
        "пароль і тимчасово їх блокуємо. Ці дані ми видаляємо через 30 днів. Відвідувачі порталу не входять у "
        "систему; про них нічого з цього не зберігається."
    ),
}


def add_login_records(apps, schema_editor):
    page = apps.get_model("pages", "InfoPage").objects.filter(slug=SLUG).first()
    if page is None:
        return
    for code, paragraph in PARAGRAPH.items():
        body = getattr(page, f"body_{code}")
        if body and paragraph not in body:
            setattr(page, f"body_{code}", f"{body.rstrip()}\n\n{paragraph}")
    page.body = page.body_de
    page.save()


def remove_login_records(apps, schema_editor):
    page = apps.get_model("pages", "InfoPage").objects.filter(slug=SLUG).first()
    if page is None:
        return
    for code, paragraph in PARAGRAPH.items():
        body = getattr(page, f"body_{code}")
        if body:
            setattr(page, f"body_{code}", body.replace(f"\n\n{paragraph}", ""))
    page.body = page.body_de
    page.save()


class Migration(migrations.Migration):
    dependencies = [("pages", "0003_ki_editors_permissions")]

    operations = [migrations.RunPython(add_login_records, remove_login_records)]
