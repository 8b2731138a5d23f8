"""Finding English on an admin screen: what a person sees (text, placeholders, labels, tooltips,
the tab title) checked against a list of English admin words and against Wagtail's own English
message ids."""

from __future__ import annotations

import re
from functools import cache

# Words of Wagtail's English admin that are not also Indonesian (so "Status", "Admin", "Tag",
# "Format", "Editor" are absent), as whole words, case-sensitive.
ENGLISH_WORDS = (
    "Page", "Pages", "page", "pages", "Save", "Publish", "Published", "Unpublish", "Draft",
    "Delete", "Edit", "Search", "Settings", "Reports", "Help", "Password", "password",
    "Remember", "Forgotten", "Skip", "Insert", "Block", "Collapse", "Expand", "Choose",
    "Upload", "Cancel", "Submit", "Workflow", "Workflows", "Locked", "History", "Live", "Title",
    "Image", "Images", "Document", "Documents", "Collection", "Collections", "Sort", "Filter",
    "Select", "selected", "created", "updated", "Owner", "Type", "Actions", "More", "Previous",
    "Next", "Close", "Yes", "View", "Preview", "Wagtail", "Dashboard", "Snippets", "Users",
    "Groups", "Redirects", "Account", "Profile", "Notifications", "Log out", "Sign in", "Add",
    "New", "Back", "Clear", "Apply", "Comment", "Comments", "Changes", "Schedule", "Guide",
    "What's new", "Loading", "Saving", "Autosave", "paused", "Explorer", "Sites", "Aging",
    "Tasks", "Shortcuts", "Sidebar", "Toggle", "Minimap", "Language", "Privacy", "Private",
    "Public", "Unlocked", "Approve", "Reject", "Request", "Changes requested", "Enabled",
    "Disabled", "Usage", "Used", "Alt text", "Focal", "Crop", "Width", "Height", "File",
    "the", "and", "your", "with", "has", "been", "this", "for", "you", "are", "not", "from",
    "of", "to", "in", "by", "at", "or", "no", "on", "is", "an",
)  # fmt: skip
_WORDS = re.compile(
    r"(?<![\w'’-])(" + "|".join(re.escape(w) for w in ENGLISH_WORDS) + r")(?![\w'’-])"
)
_URLS = re.compile(r"(https?://|/)[^\s]+|\S+@\S+|\S+\.(pdf|png|jpe?g|xlsx|csv|docx?)\b", re.I)

VISIBLE_TEXT_JS = """() => {
  const out = [document.title, document.body.innerText];
  const shown = el => el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== 'hidden';
  const attrs = ['placeholder', 'aria-label', 'title', 'data-w-tooltip-content-value'];
  for (const el of document.querySelectorAll(
      '[placeholder],[aria-label],[title],[data-w-tooltip-content-value],input[type=submit]')) {
    if (!shown(el)) continue;
    for (const a of attrs) if (el.getAttribute(a)) out.push(el.getAttribute(a));
    if (el.matches('input[type=submit]') && el.value) out.push(el.value);
  }
  return out.join('\\n');
}"""


@cache
def english_message_ids() -> frozenset[str]:
    """Wagtail's English admin strings whose Indonesian differs, as whole lines of screen text."""
    from balai.adminui import catalogue

    found = set()
    for domain in catalogue.DOMAINS:
        ours = catalogue.balai_entries(domain)
        for key, entry in catalogue.source_entries(domain).items():
            translation = ours.get(key)
            for text in (entry.msgid, entry.msgid_plural):
                if not text or "%" in text or "{" in text or "<" in text or len(text) < 4:
                    continue
                if translation is not None and text.strip() == translation.msgstr[0].strip():
                    continue
                found.add(text.strip())
    return frozenset(found)


def english_in(text: str) -> list[str]:
    """The English found in a screen's text: whole-line msgids first, then listed words."""
    problems = []
    msgids = english_message_ids()
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line in msgids:
            problems.append(line)
            continue
        words = _WORDS.findall(_URLS.sub(" ", line))
        if words:
            problems.append(f"{line[:80]}  [{', '.join(sorted(set(words)))}]")
    return problems


def visible_english(page) -> list[str]:
    """English a person can see on the page now (text, placeholders, labels, tooltips, title)."""
    return english_in(page.evaluate(VISIBLE_TEXT_JS))
