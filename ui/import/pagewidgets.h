#pragma once

// The widgets every page of the import wizard builds the same way: labels that show file text
// as plain text, and read-only tables of rows (the preview, the refused rows).

class QAbstractItemModel;
class QLabel;
class QTableView;
class QWidget;

namespace claimline {

enum class LabelText { Fixed, Selectable };

// A word-wrapped label that never reads its text as markup.
QLabel *plainLabel(QWidget *parent, LabelText text = LabelText::Fixed);
// A table of whole rows, read-only, alternating, one line a row, the last column stretched.
QTableView *rowTable(QAbstractItemModel *model, QWidget *parent);

} // namespace claimline
