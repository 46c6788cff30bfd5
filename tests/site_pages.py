"""The pages the guide promises, by address. Practices link to these, so they must not move."""

DIFFERENCES = [
    "differences/before-the-session/",
    "differences/the-therapist/",
    "differences/the-setting/",
    "differences/price/",
    "differences/the-massage/",
    "differences/after-the-session/",
]

CONTENT_PAGES = [
    "",
    *DIFFERENCES,
    "which-one-is-right-for-you/",
    "quiz/",
    "safety/",
    "glossary/",
    "about/",
    "sources/",
    "handout/",
    "link-to-this-guide/",
]

# Every address a reader can land on, the "page not found" page included.
ALL_PAGES = [*CONTENT_PAGES, "print/", "404.html"]
