#pragma once

// Text from a file, made safe to show on one line: control characters and bidirectional
// formatting characters are shown as visible markers such as "⟨U+202E⟩" instead of being
// obeyed. A party named "\u202Eaissur" must not reverse the text drawn after it, and a title
// must not carry invisible line breaks or bells into a label, a tooltip or a table cell.
// (Markup is a separate matter: widgets show such text with Qt::PlainText.)

#include <QString>
#include <QStringView>

#include <string>

namespace claimline {

// True for the characters visibleText() replaces: C0 and C1 controls, DEL, and the Unicode
// bidirectional formatting characters (LRM, RLM, ALM, LRE…RLO, LRI…PDI).
bool isHiddenControl(char32_t c);

QString visibleText(QStringView text);

// The marker visibleText() shows for such a character, "⟨U+202E⟩", appended as UTF-8 (the
// exports that write UTF-8 directly use it too).
void appendHiddenControlMarker(std::string &out, char32_t c);

} // namespace claimline
