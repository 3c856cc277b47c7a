#pragma once

// PeriodsModel: the project's periods (model.h: Period) as a table model for the Periods
// dialog. One row per period in file order; columns: the title, the time as EDTF text (what
// is typed), and how that time reads ("29–31 Dec 2025", not editable). Editing a title or a
// time hands it to Document::editPeriod(), one undo step per change; the model never writes
// the project. A title left empty or a time that is not EDTF is refused, and problem() says
// why in plain words.

#include <QAbstractTableModel>
#include <QTimeZone>

namespace claimline {

class Document;

class PeriodsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, WhenColumn, ReadsColumn, ColumnCount };

    explicit PeriodsModel(Document *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // How a time typed as EDTF reads ("Reads 29–31 Dec 2025"), or why it is not one; `ok`
    // says which. The dialog shows it live under what is being typed.
    static QString reading(const QString &edtf, const QTimeZone &zone, bool *ok);
    // The zone the project shows times in.
    QTimeZone zone() const;

Q_SIGNALS:
    // An edit was refused: why, for the dialog to show.
    void problem(const QString &message);

private:
    void periodsChanged();

    Document *m_document = nullptr;
    int m_rows = 0;
};

} // namespace claimline
