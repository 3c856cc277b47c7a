#pragma once

// AnnotationListModel: every annotation of the project (annotation/annotationlist.h), newest
// first, as the rows of the Annotations dock: when, who, on which item, and the text.
//
// rebuild() reads the list again: a model reset when the rows are other annotations (one
// added, removed, undone), else dataChanged() of every row (an annotation's text, an item's
// label edited), so the view keeps its current row and scroll. File text is shown as plain
// text through visibleText(); the full text of an annotation is its tooltip.

#include "annotation/annotationlist.h"

#include <QAbstractTableModel>

#include <vector>

namespace claimline {

class Document;

class AnnotationListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { When, Author, Item, Text, ColumnCount };
    enum Role {
        // The item the annotation is on, packed: (kind << 32) | index (a quint64).
        ItemRole = Qt::UserRole + 1,
        // The annotation's position in its item's list (a quint32).
        PositionRole,
    };

    explicit AnnotationListModel(Document *document, QObject *parent = nullptr);

    void rebuild();
    const std::vector<AnnotationEntry> &entries() const { return m_entries; }
    // The entry a row shows (row in range).
    const AnnotationEntry &entry(int row) const { return m_entries[std::size_t(row)]; }
    // Whether the row's text, author or item holds the folded needle (annotationMatches()).
    bool matches(int row, const QString &foldedNeedle) const;

    static quint64 pack(ItemRef item);
    static ItemRef unpack(const QVariant &value);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QString displayText(int column, const AnnotationEntry &entry) const;

    Document *m_document = nullptr;
    std::vector<AnnotationEntry> m_entries;
};

} // namespace claimline
