#pragma once

// The readable id an item gets from its name, for items people add (Document::uniqueId) and
// items an import creates alike.

#include <QString>

namespace claimline {

// "Military Forces of Russia (2000-)" → "military-forces-of-russia-2000": ASCII letters and
// digits in lower case (accents dropped), runs of anything else as one hyphen, at most 40
// characters cut at a word, so ids stay readable in the file and safe in a URL fragment.
// Empty when the name has no ASCII letter or digit ("Україна").
QString idSlug(const QString &name);

} // namespace claimline
