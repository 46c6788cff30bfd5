"""The longest practice details the build accepts (`LIMITS` in the guide's practice.py), made of
real-looking words, so that tests can print the handout at its fullest."""

from __future__ import annotations

from massage_guide.plugin.practice import LIMITS

DOMAIN = "riverside-massage-and-wellness.example"


def _fill(start: str, length: int, filler: str) -> str:
    """`start`, then `filler` over and over, cut to exactly `length` characters, with no space at
    either end (the build strips values, which would make them shorter)."""
    text = start
    while len(text) < length:
        text += filler
    text = text[:length]
    return text[:-1] + "s" if text.endswith(" ") else text


def longest_practice() -> dict[str, str]:
    """Every detail at its limit: the name, each address line, phone, email and web addresses."""
    address = LIMITS["address"]
    starts = ("Suite 1200, Riverside Medical and Wellness Plaza", "1234 North Riverside Boulevard, Building",
              "Springfield Heights, Lane County", "Oregon 97477, United States of America")
    values = {
        "name": _fill("Riverside Massage Therapy and Physical Wellness Clinic", LIMITS["name"].chars, " of Springfield"),
        "address": "\n".join(_fill(start, address.chars, " West Wing") for start in starts[: address.lines]),
        "phone": _fill("+1 (541) 555-0100", LIMITS["phone"].chars, " 0123"),
        "email": _fill("appointments", LIMITS["email"].chars - len(DOMAIN) - 1, ".frontdesk") + "@" + DOMAIN,
        "booking_url": _fill(f"https://{DOMAIN}/book", LIMITS["booking_url"].chars, "-online"),
        "homepage_url": _fill(f"https://{DOMAIN}/", LIMITS["homepage_url"].chars, "welcome-"),
    }
    return values
