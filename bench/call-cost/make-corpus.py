#!/usr/bin/env python3
"""Writes bench/call-cost/corpus.tsv: the scripted callers bench/call-cost replays (deterministic, seed 14).

Each row is one caller's intent and habits, not a fixed list of utterances: the bench's caller answers what
the service asks (see CallCost.java), so the same corpus runs against any call flow. The reference time is
Monday 2026-12-07 in America/Toronto; expected dates below are resolved against it.
"""
import random

rnd = random.Random(14)
FIRST = ["Dana", "Priya", "Marc", "Ana", "Omar", "Li", "Sofia", "Kwame", "Anne-Marie", "Jean-Luc", "Siobhan",
         "Mateo", "Yuki", "Fatima", "Noah", "Chloe", "Ravi", "Ingrid", "Tomasz", "Amara", "Hugo", "Leila",
         "Declan", "Mei", "Santiago", "Nadia", "Felix", "Grace", "Arjun", "Elena", "Kofi", "Zoe", "Pierre",
         "Hana", "Diego", "Maeve", "Tariq", "Lucia", "Sven", "Imani"]
LAST = ["Whitfield", "Patel", "Tremblay", "Silva", "Haddad", "Chen", "Rossi", "Mensah", "O'Connor", "Gagnon",
        "Nair", "Kowalski", "Tanaka", "Hussain", "Bergeron", "Okafor", "Lindqvist", "D'Souza", "Fitzgerald",
        "Moreau", "Nakamura", "Santos", "Kaur", "Murphy", "Dubois", "Novak", "Abara", "MacLeod", "Ferreira",
        "Smith-Jones", "O'Brien", "Park", "Ivanova", "Cohen", "Reyes", "Larsen", "Mbeki", "Ahmed", "Wong", "Leclerc"]
# days the caller can name on Monday 2026-12-07, with how they say it
DAYS = [("2026-12-08", ["tomorrow", "Tuesday"]), ("2026-12-09", ["Wednesday", "this Wednesday"]),
        ("2026-12-10", ["Thursday", "Thursday the 10th"]), ("2026-12-11", ["Friday", "this Friday"]),
        ("2026-12-14", ["December 14th", "Monday the 14th"]), ("2026-12-15", ["December 15th", "Tuesday the 15th"]),
        ("2026-12-16", ["December 16th", "Wednesday the 16th"]), ("2026-12-17", ["December 17th", "the 17th"]),
        ("2026-12-18", ["December 18th", "Friday the 18th"]), ("2026-12-21", ["December 21st", "Monday the 21st"]),
        ("2026-12-22", ["December 22nd", "the 22nd"]), ("2026-12-23", ["December 23rd", "Wednesday the 23rd"]),
        ("2026-12-24", ["December 24th", "Thursday the 24th"]), ("2026-12-28", ["December 28th", "Monday the 28th"]),
        ("2026-12-29", ["December 29th", "the 29th"]), ("2026-12-30", ["December 30th", "Wednesday the 30th"]),
        ("2026-12-31", ["December 31st", "Thursday the 31st"]), ("2027-01-04", ["January 4th", "January the 4th"]),
        ("2027-01-05", ["January 5th", "Tuesday January 5th"]), ("2027-01-06", ["January 6th", "January the 6th"]),
        ("2027-01-07", ["January 7th", "Thursday January 7th"]), ("2027-01-08", ["January 8th", "Friday January 8th"])]
TIMES = [("09:00", ["9 am", "nine in the morning"]), ("09:30", ["9:30 am", "nine thirty am"]),
         ("10:00", ["10 am", "ten in the morning"]), ("10:30", ["10:30 am", "half past ten"]),
         ("11:00", ["11 am", "eleven am"]), ("11:30", ["11:30 am", "eleven thirty in the morning"]),
         ("13:00", ["1 pm", "one in the afternoon"]), ("13:30", ["1:30 pm", "one thirty pm"]),
         ("14:00", ["2 pm", "two in the afternoon"]), ("14:30", ["2:30 pm", "half past two"]),
         ("15:00", ["3 pm", "three pm"]), ("15:30", ["3:30 pm", "three thirty pm"]),
         ("16:00", ["4 pm", "four in the afternoon"]), ("16:30", ["4:30 pm", "four thirty pm"]),
         ("12:00", ["noon", "12 noon"])]
NAME_OPENERS = ["my name is {n}", "this is {n}", "hi, it's {n} calling", "{n} here", "hi this is {n}",
                "so uh it's, um, {n}", "yeah hi, my name's {n}", "hello, {n} speaking", "{n}",
                "um, this is, uh, {n}"]
ALL_IN_ONE = ["{name}, and I'd like {when}", "{name}. Could I come in {when}?", "{name}, I'd like to book {when}",
              "{name} and I was hoping for {when}", "{name}, do you have anything {when}?"]
WHEN_ONLY = ["I'd like {when}", "can I come in {when}?", "do you have anything {when}", "{when} please",
             "um, {when} if you have it", "I was hoping for {when}"]
NOTHING = ["hi, I'd like to book an appointment", "hello, I need an appointment", "yeah hi, I want to make a booking"]

slots = [(d, t) for d, _ in DAYS for t, _ in TIMES]
rnd.shuffle(slots)
used = set()


def take_slot():
    while True:
        s = slots.pop()
        if s not in used:
            used.add(s)
            return s


def say_day(d):
    return rnd.choice(dict(DAYS)[d])


def say_time(t):
    return rnd.choice(dict(TIMES)[t])


rows = []
for i in range(240):
    kind = rnd.choices(["new", "returning", "anonymous"], weights=[55, 35, 10])[0]
    name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
    date, time = take_slot()
    when = f"{say_day(date)} at {say_time(time)}"
    style = rnd.choices(["all", "name", "when", "nothing"], weights=[45, 20, 25, 10])[0]
    said_name = rnd.choice(NAME_OPENERS).format(n=name)
    opening = {"all": rnd.choice(ALL_IN_ONE).format(name=said_name, when=when),
               "name": said_name, "when": rnd.choice(WHEN_ONLY).format(when=when),
               "nothing": rnd.choice(NOTHING)}[style]
    confirm = rnd.choices(["keypad", "voice"], weights=[60, 40])[0]
    silence = 1 if rnd.random() < 0.08 else 0
    taken = 1 if rnd.random() < 0.08 else 0
    stored = "-"
    from_number = f"+1514555{i:04d}"
    if kind == "returning":
        stored = name
        if rnd.random() < 0.08:  # the stored name is out of date: the caller corrects it
            stored = name.split(" ")[0][:3] + " " + name.split(" ")[1]
    if kind == "anonymous":
        from_number = "anonymous"
    correction, corrected = "-", "-"
    when_after = when
    if rnd.random() < 0.10 and not taken:
        ct = min(TIMES, key=lambda x: abs(int(x[0][:2]) * 60 + int(x[0][3:]) - int(time[:2]) * 60 - int(time[3:]) - 60))[0]
        if (date, ct) not in used and ct != time:
            used.add((date, ct))
            ct_said = say_time(ct)
            correction, corrected = f"actually, can we make it {ct_said} instead", ct
            when_after = f"{when.split(' at ')[0]} at {ct_said}"
    if stored != "-" and stored != name:
        correction = f"actually my name is {name}"
        corrected = "name"
    phone = f"my number is 514 555 {9000 + i:04d}" if kind == "anonymous" else "-"
    name_say = rnd.choice(["{n}", "it's {n}", "{n}.", "my name is {n}", "uh, {n}"]).format(n=name)
    rows.append([f"c{i + 1:03d}", kind, from_number, stored, name, name_say, opening, when, date, time, confirm,
                 str(silence), correction, corrected, when_after, str(taken), phone])

with open(__file__.replace("make-corpus.py", "corpus.tsv"), "w") as out:
    out.write("# written by make-corpus.py; columns: id kind from stored_name name name_say opening when"
              " expect_date expect_time confirm silence_first correction corrected when_after taken phone_say\n")
    for r in rows:
        assert all("\t" not in c for c in r)
        out.write("\t".join(r) + "\n")
print(f"{len(rows)} calls")
