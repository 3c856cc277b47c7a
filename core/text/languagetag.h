#pragma once

// What Claimline takes for a language (a source's, a quote's): a BCP 47 tag in the shape people
// write one. A language of two or three letters ("en", "ru", "uk", "fil"), then any subtags of
// one to eight letters or digits after hyphens ("pt-BR", "zh-Hant", "sr-Latn-RS"); a private
// ("x-…") or grandfathered ("i-…") tag has at least one subtag. The shape only, not the
// registry: "qq" passes, "English", "en_GB" and "en-" do not. The file format keeps any text;
// the Inspector writes only a tag of this shape.

#include <QString>

namespace claimline {

// Why `text` (trimmed) is not a language tag, in plain English; empty when it is one.
QString languageTagProblem(const QString &text);

} // namespace claimline
