"""Does a change keep what visitors get? Every list variant and the pages around it, in every language, compared.

    cd <tree before> && DATABASE_URL=sqlite:///<copy 1> .venv/bin/python <this tree>/bench/same_pages.py render BEFORE
    cd <tree after> && DATABASE_URL=sqlite:///<copy 2> .venv/bin/python bench/same_pages.py render AFTER
    .venv/bin/python bench/same_pages.py compare BEFORE AFTER

Render each side on its own copy of one database (a session is written). The lists: no filter, a
town, every filter at once, searches with and without a town, every parameter wrong, markup and NUL
in values, `near=`, deep pages; then home, town, category, offer, provider, glossary, a 404 and the
embedded list; then the lists and the home page with a session (an offer in the handout) and in
the caseworker's compact view. CSRF tokens are blanked. `compare` names the pages that differ
beyond whitespace between tags (which a browser does not render) and counts the rest.
"""

import os
import re
import sys
from pathlib import Path

TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+')
BETWEEN_TAGS = re.compile(r">\s+<")


def render(out):
    sys.path.insert(0, os.getcwd())  # the tree rendering: main's has no copy of this script
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from municipalities.models import Municipality
    from offers.models import Category, Offer, Provider, TargetGroup

    settings.USAGE_FLUSH_EVERY = None
    out.mkdir(parents=True, exist_ok=True)
    towns = list(Municipality.objects.order_by("slug").values_list("slug", flat=True))
    first, last = towns[0], towns[-1]
    categories = list(Category.objects.order_by("slug").values_list("slug", flat=True)[:3])
    groups = list(TargetGroup.objects.order_by("slug").values_list("slug", flat=True)[:2])
    offer = Offer.objects.published().order_by("pk").first()
    provider = Provider.objects.order_by("slug").first()
    lists = [
        "",
        f"?municipality={first}",
        f"?municipality={last}&category={categories[0]}&category={categories[1]}&target_group={groups[0]}&free=1"
        "&childcare=1&women_only=1&online=1&open_now=1&walk_in=1&places=1&starts_within=8&age=30&sort=next_start&language=tr",
        f"?category={categories[2]}&target_group={groups[1]}&target_group={groups[0]}&open_now=1&language=ar&sort=title",
        "?q=deutsch",
        f"?q=deutsch&sort=title&municipality={first}",
        "?q=unna+beratung",
        "?q=beratung&sort=bogus",
        "?municipality=nowhere&category=nope&target_group=x&starts_within=99&age=-1&sort=bogus&near=123&open_now=yes"
        "&places=2&walk_in=maybe&language=xx&page=abc",
        "?near=59423",
        "?near=00000",
        f"?near=59423&municipality={first}&page=2",
        "?page=2",
        f"?municipality={first}&page=99",
        "?q=%22%3E%3Cscript%3E&municipality=%22%3E%3Cb%3E&language=%22%3E",
        "?municipality=a%00b&q=a%00",
        "?q=xyzzyqq",
        f"?municipality={first}&municipality={last}",
        "?starts_within=0&age=121",
        "?starts_within=4.5&age=x",
    ]
    others = [
        "/",
        f"/towns/{first}/",
        f"/categories/{categories[0]}/",
        "/" + offer.get_absolute_url().split("/", 2)[2],  # without its language prefix
        f"/providers/{provider.slug}/",
        "/glossary/",
        "/nonexistent/",
        f"/embed/offers/?municipality={first}&category={categories[0]}",
        "/embed/offers/?age=x",
    ]
    index = []

    def save(client, who, url):
        response = client.get(url)
        index.append(f"{who}\t{response.status_code}\t{url}")
        body = TOKEN.sub(r"\1TOKEN", response.content.decode())
        (out / f"{len(index):04}.html").write_text(f"{response.status_code} {url}\n{body}")

    codes = [code for code, _name in settings.LANGUAGES]
    anonymous = Client()
    for code in codes:
        for query in lists:
            save(anonymous, "anonymous", f"/{code}/offers/{query}")
        for page in others:
            save(anonymous, "anonymous", f"/{code}{page}")
    caseworker = Client()
    caseworker.post("/de/handout/add/", {"offer": offer.pk, "next": "/de/"})
    for who in ("session", "compact"):
        if who == "compact":
            caseworker.post("/de/handout/quick-mode/", {"on": "1", "next": "/de/"})
        for code in codes:
            for query in lists:
                save(caseworker, who, f"/{code}/offers/{query}")
            save(caseworker, who, f"/{code}/")
    (out / "index.txt").write_text("\n".join(index) + "\n")
    print(f"{len(index)} pages in {out}")


def compare(before, after):
    identical, whitespace, different = 0, 0, []
    for page in sorted(before.glob("*.html")):
        old, new = page.read_text(), (after / page.name).read_text()
        if old == new:
            identical += 1
        elif BETWEEN_TAGS.sub("><", old) == BETWEEN_TAGS.sub("><", new):
            whitespace += 1
        else:
            different.append(old.split("\n", 1)[0])
    print(f"{identical} identical, {whitespace} differ only in whitespace between tags, {len(different)} differ")
    for first_line in different:
        print(f"  differs: {first_line}")
    return not different


if __name__ == "__main__":
    command, *directories = sys.argv[1:]
    if command == "render":
        render(Path(directories[0]))
    else:
        sys.exit(0 if compare(*map(Path, directories)) else 1)
