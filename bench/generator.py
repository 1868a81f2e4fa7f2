"""Deterministic generator of genre-like mine-action documents for the benchmark.

The benchmark needs a large corpus that looks like the real archive (country
profiles with footnotes, press releases with web boilerplate, articles with
displaced markers) without shipping megabytes of text, and that is identical on
every machine so figures can be compared: every document is drawn from a
`random.Random` seeded per document, so document ``i`` only depends on
``(seed, i)``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

MIN_BYTES = 2048
MAX_BYTES = 20000

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

COUNTRIES = (
    "Afghanistan", "Albania", "Angola", "Armenia", "Azerbaijan", "Bosnia and Herzegovina", "Cambodia",
    "Chad", "Colombia", "Croatia", "Cyprus", "Ecuador", "Eritrea", "Ethiopia", "Georgia", "Iraq",
    "Jordan", "Kosovo", "Lao PDR", "Lebanon", "Libya", "Mozambique", "Myanmar", "Nagorno-Karabakh",
    "Nicaragua", "Peru", "Senegal", "Serbia", "Somalia", "South Sudan", "Sri Lanka", "Sudan",
    "Syria", "Tajikistan", "Thailand", "Turkey", "Ukraine", "Vietnam", "Western Sahara", "Yemen",
    "Zimbabwe", "Abkhazia", "Burundi", "Mauritania", "Niger", "Palestine", "Tunisia", "Uganda",
)  # fmt: skip

# Places per country are invented from syllables so the vocabulary is large and
# varied, like real place names, while staying deterministic.
SYLLABLES = (
    "ag", "dam", "fu", "zu", "li", "jab", "ra", "yil", "ka", "bar", "lach", "in", "zan", "gi", "lan",
    "shu", "sha", "ter", "to", "vuz", "mar", "tak", "ert", "gor", "ne", "sus", "za", "bukh", "kel",
    "ba", "jar", "dash", "kas", "an", "tov", "uz", "khan", "ab", "ad", "ol", "mu", "ro", "sa", "vi",
)  # fmt: skip

FIRST_NAMES = (
    "Naira", "Masis", "Irina", "Lusine", "Movses", "Gunay", "Joshua", "Ani", "Boris", "Jeyhun",
    "Anna", "David", "Elena", "Farid", "Hassan", "Ilham", "Karen", "Leyla", "Maria", "Nikol",
    "Olga", "Pavel", "Rashad", "Samir", "Tatiana", "Vusal", "Yusuf", "Zara", "Arman", "Gohar",
)  # fmt: skip
LAST_NAMES = (
    "Melkoumian", "Mailian", "Beglaryan", "Musayelian", "Hakobian", "Hajiyeva", "Kucera",
    "Avetisyan", "Avagyan", "Bayramov", "Aliyev", "Petrosyan", "Mammadov", "Grigoryan", "Huseynov",
    "Sargsyan", "Ismayilova", "Karapetyan", "Guliyev", "Harutyunyan", "Novak", "Ivanova", "Rahimi",
)  # fmt: skip

ORGANISATIONS = (
    "HALO Trust", "MAG", "ICBL", "UNDP", "ANAMA", "UNMAS", "GICHD", "Danish Refugee Council",
    "Norwegian People's Aid", "Handicap International", "Humanity & Inclusion", "ICRC",
    "Landmine and Cluster Munition Monitor", "Mines Action Canada", "FSD", "DanChurchAid",
)  # fmt: skip
MINISTRIES = (
    "Ministry of Foreign Affairs", "Ministry of Defense", "Ministry of Emergency Situations",
    "Ministry of Internal Affairs", "Ministry of Health", "Ministry of Labour and Social Protection",
)  # fmt: skip
OUTLETS = (
    "Asbarez", "OC Media", "Eurasianet", "Caspian News", "Reuters", "Agence France-Presse",
    "Associated Press", "BBC News", "Al Jazeera", "The Guardian", "Radio Free Europe", "APA",
    "Trend News Agency", "Armenpress", "Azertac", "news.am", "The New Humanitarian", "IRIN",
)  # fmt: skip
CITIES = (
    "Geneva", "Ottawa", "Stepanakert", "Baku", "Yerevan", "Tbilisi", "Kabul", "Phnom Penh",
    "New York", "Vienna", "Brussels", "London", "Oslo", "Maputo", "Luanda", "Bogotá", "Beirut",
)  # fmt: skip
DOMAINS = (
    "www.icbl.org", "www.the-monitor.org", "asbarez.com", "oc-media.org", "eurasianet.org",
    "caspiannews.com", "www.halotrust.org", "www.maginternational.org", "www.undp.org",
    "www.mfa.gov.az", "www.mil.am", "reliefweb.int", "www.gichd.org", "news.un.org",
)  # fmt: skip

AP_MINES = ("PMN-2", "PMN-1", "OZM-72", "POMZ-2", "POMZ-2M", "PFM-1", "PMD-6", "MON-50", "MON-100",
            "E-001", "PMN-E", "VS-50", "PROM-1", "Type 72")  # fmt: skip
AT_MINES = ("TM-62", "TM-62M", "TM-57", "TM-46", "TMN-46", "TC-6")  # fmt: skip
# Rare models appear in few documents so the benchmark has rare-term queries.
RARE_MINES = ("MS-3", "PMA-3", "VAL-69", "OZM-4")

HAZARDS = ("antipersonnel mines", "antivehicle mines", "anti-personnel landmines", "landmines",
           "unexploded ordnance (UXO)", "cluster munition remnants", "explosive remnants of war (ERW)",
           "improvised explosive devices", "abandoned explosive ordnance", "booby traps")  # fmt: skip
ACTIVITIES = ("humanitarian demining", "mine clearance", "technical survey", "non-technical survey",
              "battle area clearance", "mine risk education", "explosive ordnance risk education",
              "victim assistance", "stockpile destruction", "marking and fencing",
              "quality management", "information management")  # fmt: skip
ADJECTIVES = ("suspected", "confirmed", "contaminated", "cleared", "released", "hazardous",
              "mined", "remote", "agricultural", "border", "fortified", "former", "occupied")  # fmt: skip
AREA_NOUNS = ("hazardous areas", "minefields", "villages", "farmland", "grazing land", "roads",
              "districts", "border areas", "the former line of contact", "forested areas")  # fmt: skip

PROFILE_SECTIONS = (
    ("Mine Ban Policy", "policy"),
    ("Policy", "policy"),
    ("Use, production, transfer, and stockpiling", "use"),
    ("Use", "use"),
    ("Contamination", "contamination"),
    ("Clearance in 2021", "clearance"),
    ("Land release", "clearance"),
    ("Casualties", "casualties"),
    ("Victim assistance", "assistance"),
    ("Support for mine action", "support"),
    ("Risk education", "education"),
)

BOILERPLATE_TOP = (
    "news banner image Desktop news banner image Mobile",
    "Skip to main content",
    "Home / Press service / Press releases",
)
BOILERPLATE_BOTTOM = (
    "Share this page",
    "All rights reserved. Contact us to use any licensed material.",
    "Privacy Policy",
    "Print this page",
    "Follow us on social media",
)


class _Writer:
    """Draws sentences for one document; one instance per document keeps output per-seed."""

    def __init__(self, rng: random.Random, country: str) -> None:
        self.rng = rng
        self.country = country
        self.places = [self.place() for _ in range(6)]
        # Each document uses only some of the sentence shapes of a topic, as real authors do;
        # otherwise every long document would contain every stock phrase.
        self.templates = {
            topic: tuple(rng.sample(makers, max(2, (len(makers) + 1) // 2)))
            for topic, makers in self._templates().items()
        }

    def pick(self, seq: tuple[str, ...] | list[str]) -> str:
        return seq[self.rng.randrange(len(seq))]

    def place(self) -> str:
        n = self.rng.choice((2, 2, 3))
        return "".join(self.pick(SYLLABLES) for _ in range(n)).capitalize()

    def person(self) -> str:
        return f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}"

    def year(self) -> int:
        return self.rng.randint(1997, 2023)

    def date(self, year: int | None = None) -> str:
        return f"{self.rng.randint(1, 28)} {self.pick(MONTHS)} {year or self.year()}"

    def number(self) -> str:
        n = self.rng.choice((self.rng.randint(2, 99), self.rng.randint(100, 999), self.rng.randint(1000, 99999)))
        return f"{n:,}"

    def mine(self) -> str:
        roll = self.rng.random()
        if roll < 0.03:
            return self.pick(RARE_MINES)
        return self.pick(AP_MINES) if roll < 0.7 else self.pick(AT_MINES)

    def _templates(self) -> dict[str, tuple[Callable[[], str], ...]]:
        """Sentence makers per topic; lambdas so only the chosen one draws random numbers."""
        r = self
        c = self.country
        return {
            "policy": (
                lambda: f"{c} has not acceded to the Mine Ban Treaty, citing its unresolved conflict "
                "with its neighbours.",
                lambda: f"In {r.year()}, {c} voted in favor of the annual UN General Assembly resolution promoting "
                    f"universalization of the Mine Ban Treaty.",
                lambda: f"{c} attended the intersessional meetings of the Mine Ban Treaty held in Geneva in "
                    f"{r.pick(MONTHS)} {r.year()} as an observer.",
                lambda: f"Officials of the {r.pick(MINISTRIES)} told the {r.pick(ORGANISATIONS)} that {c} supports the "
                    f"humanitarian objectives of the Convention but cannot join while {r.pick(HAZARDS)} remain "
                    f"necessary for defensive purposes.",
                lambda: f"{c} provided a voluntary Article 7 transparency report in {r.year()}, which contained "
                    f"information on {r.pick(ACTIVITIES)} but not on stockpiling.",
                lambda: f"{c} is not party to the Convention on Conventional Weapons (CCW) or the Convention on "
                    f"Cluster Munitions.",
            ),
            "use": (
                lambda: f"There were reports of new use of {r.pick(HAZARDS)} near {r.pick(r.places)} in {r.year()}.",
                lambda: f"{c} has stated that it has never produced or exported mines, and that its stockpile consists "
                    f"of {r.mine()}, {r.mine()} and {r.mine()} mines left over from the Soviet era.",
                lambda: f"According to {r.pick(ORGANISATIONS)}, deminers found {r.number()} {r.mine()} mines that had "
                    f"been emplaced along {r.pick(AREA_NOUNS)} near {r.pick(r.places)}.",
                lambda: f"The military chief, General {r.person()}, was reported to state that his forces had placed "
                    f"more anti-personnel landmines along the ‘line of contact’.",
                lambda: f"In a {r.date()} letter, the {r.pick(MINISTRIES)} did not deny the allegations of mine use.",
                lambda: f"Mines marked {r.mine()} and produced in {r.year()} were found at the entrance of houses in "
                    f"{r.pick(r.places)}.",
            ),
            "contamination": (
                lambda: f"{c} is contaminated by {r.pick(HAZARDS)} and {r.pick(HAZARDS)}, "
                f"mostly in {r.pick(AREA_NOUNS)}.",
                lambda: f"As of the end of {r.year()}, {c} reported {r.number()} {r.pick(ADJECTIVES)} hazardous areas "
                    f"covering {r.number()} square kilometres.",
                lambda: f"The extent of contamination in the {r.pick(r.places)} and {r.pick(r.places)} districts "
                    f"is not known.",
                lambda: f"The worst-affected areas are along the fortified former contact line, in particular in the "
                    f"districts of {r.pick(r.places)}, {r.pick(r.places)} and {r.pick(r.places)}.",
                lambda: f"Survey by {r.pick(ORGANISATIONS)} identified {r.number()} {r.mine()} and {r.mine()} mines "
                    f"in {r.pick(AREA_NOUNS)}.",
            ),
            "clearance": (
                lambda: f"In {r.year()}, {r.pick(ORGANISATIONS)} released {r.number()} square metres through "
                    f"{r.pick(ACTIVITIES)}, destroying {r.number()} antipersonnel mines.",
                lambda: "The {} and the {} signed a cooperation agreement ".format(*r.two(ORGANISATIONS))
                + f"on {r.pick(ACTIVITIES)} in {r.pick(MONTHS)} {r.year()}.",
                lambda: f"Clearance teams operated without assistance for {r.randint(2, 9)} years and their equipment "
                    f"had degraded.",
                lambda: f"The mine action centre collates information on mines, UXO and safe routes and shares it "
                    f"with NGOs operating in {r.pick(r.places)}.",
                lambda: f"{c} reported clearing {r.number()} {r.pick(ADJECTIVES)} areas near {r.pick(r.places)}, where "
                    f"{r.number()} {r.mine()} mines were destroyed.",
            ),
            "casualties": (
                lambda: f"In {r.year()}, the Monitor recorded {r.number()} mine/ERW casualties in {c}, of whom "
                    f"{r.randint(2, 90)} were killed.",
                lambda: f"Since {r.year()}, {r.number()} people have become landmine victims, including "
                    f"{r.randint(2, 400)} children.",
                lambda: f"A landmine explosion near {r.pick(r.places)} on {r.date()} injured {r.randint(2, 9)} "
                    f"members of a demining team.",
                lambda: "It is impossible to give the exact number of people injured or killed because of a lack "
                    "of records during the war.",
            ),
            "assistance": (
                lambda: f"Victim assistance in {c} is coordinated by the {r.pick(MINISTRIES)}.",
                lambda: f"Survivors of {r.pick(HAZARDS)} received physical rehabilitation and psychosocial support "
                    f"from {r.pick(ORGANISATIONS)}.",
                lambda: f"Economic inclusion programmes reached {r.number()} mine survivors in {r.year()}.",
            ),
            "support": (
                lambda: f"In {r.year()}, international donors contributed US${r.number()} to mine action in {c}.",
                lambda: f"The {r.pick(ORGANISATIONS)} received funding from {r.pick(COUNTRIES)} and "
                f"{r.pick(COUNTRIES)} for {r.pick(ACTIVITIES)}.",
                lambda: f"{c} has been a beneficiary of humanitarian demining programs since {r.year()}.",
            ),
            "education": (
                lambda: f"Explosive ordnance risk education sessions reached {r.number()} people in {r.year()}.",
                lambda: f"School posters in {r.pick(r.places)} educate children on mines and UXO.",
                lambda: f"Risk education was delivered by {r.pick(ORGANISATIONS)} in {r.pick(AREA_NOUNS)}.",
            ),
        }

    def sentence(self, topic: str) -> str:
        return self.pick(self.templates[topic])()

    def two(self, seq: tuple[str, ...]) -> tuple[str, str]:
        """Two different entries, so no sentence pairs an organisation with itself."""
        a, b = self.rng.sample(seq, 2)
        return a, b

    def randint(self, a: int, b: int) -> int:
        return self.rng.randint(a, b)

    def paragraph(self, topic: str, sentences: int) -> str:
        makers = self.templates[topic]
        chosen = self.rng.sample(range(len(makers)), min(sentences, len(makers)))
        return " ".join(makers[i]() for i in chosen)

    def citation(self) -> str:
        """One footnote source, in one of the shapes found in Landmine Monitor profiles."""
        r = self
        kind = r.rng.randrange(6)
        if kind == 0:
            return (f"{r.person()}, “{_upper_first(r.pick(HAZARDS))} found near {r.pick(r.places)},” "
                    f"{r.pick(OUTLETS)} ({r.pick(CITIES)}), {r.date()}, {r.pick(DOMAINS)}/{r.randint(1000, 999999)}/.")
        if kind == 1:
            return (f"Statement of {r.country}, Mine Ban Treaty intersessional meetings, "
                    f"{r.pick(CITIES)}, {r.date()}.")
        if kind == 2:
            return (f"“{r.pick(ORGANISATIONS)} concerned about use of antipersonnel mines in {r.country},” "
                    f"{r.pick(ORGANISATIONS)} ({r.pick(CITIES)}), {r.date()}, https://{r.pick(DOMAINS)}/news/"
                    f"{r.randint(100, 99999)}.")
        if kind == 3:
            return (f"Interview with {r.person()}, Head of Department, {r.pick(MINISTRIES)}, "
                    f"{r.pick(CITIES)}, {r.date()}.")
        if kind == 4:
            year = r.year()
            return (f"See, ICBL, Landmine Monitor Report {year} (Ottawa: Mines Action Canada, "
                    f"{r.pick(MONTHS)} {year}), p. {r.randint(10, 1200)}.")
        return (f"Email from {r.person()}, Programme Manager, {r.pick(ORGANISATIONS)}, {r.date()}; and "
                f"response to Monitor questionnaire by {r.person()}, {r.pick(ORGANISATIONS)}, {r.date()}.")

    def footnote(self, number: int, previous: int | None) -> str:
        roll = self.rng.random()
        if previous is not None and roll < 0.12:
            return f"[{number}] Ibid."
        if previous is not None and roll < 0.18:
            return f"[{number}] Ibid; and {self.citation()}"
        if roll < 0.25:
            return f"[{number}] {self.citation()} {self.citation()}"
        return f"[{number}] {self.citation()}"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _size_target(rng: random.Random) -> int:
    """Skewed towards short documents, as in real archives, but spanning 2–20 KB."""
    return int(MIN_BYTES + 400 + (MAX_BYTES - MIN_BYTES - 2400) * rng.random() ** 1.7)


def _fits(parts: list[str], extra: int = 0) -> int:
    return len("\n\n".join(parts).encode("utf-8")) + extra


def _country_profile(rng: random.Random) -> str:
    w = _Writer(rng, rng.choice(COUNTRIES))
    target = _size_target(rng)
    year = rng.randint(2005, 2023)
    head = [w.country, f"Last Updated: {w.date(year)}"] if rng.random() < 0.6 else [
        w.country, "Mine Ban Policy", f"Last updated: {w.date(year)}"]
    body: list[str] = []
    notes: list[str] = []  # "" where a marker's note is missing from the list
    misses = 0
    sections = rng.sample(PROFILE_SECTIONS, len(PROFILE_SECTIONS))
    while misses < 3 and sections:
        title, topic = sections.pop()
        block = [title]
        block_notes: list[str] = []
        for _ in range(rng.randint(1, 4)):
            para = w.paragraph(topic, rng.randint(2, 5))
            if rng.random() < 0.8:
                number = len(notes) + len(block_notes) + 1
                para += f"[{number}]"
                missing = rng.random() < 0.08
                block_notes.append("" if missing else w.footnote(number, number - 1 if number > 1 else None))
            block.append(para)
        if body and _fits(head + body + block + [n for n in notes + block_notes if n]) > target:
            misses += 1
            continue
        body.extend(block)
        notes.extend(block_notes)
    while _fits(head + body + notes) < MIN_BYTES + 100:
        body.append(w.paragraph("policy", 2))
    parts = head + body + ["\u00a0", "", ""] + [n for n in notes if n]
    return "\n\n".join(parts)


def _press_release(rng: random.Random) -> str:
    w = _Writer(rng, rng.choice(COUNTRIES))
    target = _size_target(rng)
    year = rng.randint(2005, 2023)
    publisher = rng.choice(ORGANISATIONS + MINISTRIES)
    number = f"No:{rng.randint(1, 999)}/{year % 100:02d}"
    topic_words = rng.choice(("ongoing threats of landmines", "new use of antipersonnel mines",
                              "completion of mine clearance", "mine victims", "demining cooperation"))
    head: list[str] = []
    if rng.random() < 0.5:
        head.append(rng.choice(BOILERPLATE_TOP))
    head.append(f"Press release {w.date(year)}" if rng.random() < 0.6 else w.date(year))
    if rng.random() < 0.7:
        head.append(f"{number}, Press release on {topic_words} in {w.country}")
    body: list[str] = [f"The {publisher} is deeply disturbed by recent information on {topic_words} in {w.country}."]
    topics = ("use", "casualties", "clearance", "policy", "support")
    while _fits(head + body) < target - 300:
        body.append(w.paragraph(rng.choice(topics), rng.randint(2, 6)))
    tail = [f"For more information, see the Landmine Monitor country profile on {w.country}."]
    if rng.random() < 0.7:
        tail += rng.sample(BOILERPLATE_BOTTOM, rng.randint(1, 3))
    while _fits(head + body + tail) > MAX_BYTES and len(body) > 1:
        body.pop()
    return "\n\n".join(head + body + tail)


def _article(rng: random.Random) -> str:
    w = _Writer(rng, rng.choice(COUNTRIES))
    target = _size_target(rng)
    head = [rng.choice((f"Land mines in {w.country}", f"Mine action in {w.country}",
                        f"Landmines and the conflict in {w.country}"))]
    body: list[str] = []
    marker = rng.randint(1, 6)
    topics = ("contamination", "casualties", "clearance", "use", "education")
    while _fits(head + body) < target - 200:
        para = w.paragraph(rng.choice(topics), rng.randint(2, 5))
        roll = rng.random()
        if roll < 0.3:  # displaced markers at paragraph start, as in scraped encyclopedias
            para = f"[{marker}] {para}"
            marker += rng.randint(1, 4)
        elif roll < 0.4:
            para = f"[{marker}][{marker + 1}] {para}"
            marker += rng.randint(2, 5)
        elif roll < 0.45:
            para = para.replace(". ", " [citation needed] ", 1)
        body.append(para)
    tail = [f"Soviet {w.mine()} - the most common AP mine in {w.country}.", f"Location of {w.country}"]
    while _fits(head + body + tail) > MAX_BYTES and len(body) > 1:
        body.pop()
    return "\n\n".join(head + body + tail)


_KINDS = (("country-profile", _country_profile, 0.45), ("press-release", _press_release, 0.3),
          ("article", _article, 0.25))


def generate_one(index: int, seed: int = 1) -> tuple[str, str]:
    """Document number `index` of the corpus for `seed` (independent of the others)."""
    rng = random.Random(seed * 1_000_003 + index)
    roll = rng.random()
    acc = 0.0
    for kind, make, share in _KINDS:
        acc += share
        if roll < acc or kind == _KINDS[-1][0]:
            text = make(rng)
            return f"{index:06d}_{kind}.txt", text
    raise AssertionError("unreachable")


def generate(n: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    """Yield `n` (filename, text) pairs; the same (n, seed) always gives the same corpus."""
    for i in range(n):
        yield generate_one(i, seed)


def write_corpus(directory: Path, n: int, seed: int = 1) -> list[Path]:
    """Write the corpus as UTF-8 .txt files into `directory` (created if needed)."""
    directory.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for name, text in generate(n, seed):
        path = directory / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
