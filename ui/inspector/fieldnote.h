#pragma once

// How a note or a problem shows under a field of the Inspector (a time's reading, why a URL
// or coordinates are not saved): a problem in a red that reads on the palette, light or dark,
// and a note in the palette's placeholder colour. Either shows the label.

class QLabel;
class QString;

namespace claimline {

void showFieldProblem(QLabel *label, const QString &text);
void showFieldNote(QLabel *label, const QString &text);

} // namespace claimline
