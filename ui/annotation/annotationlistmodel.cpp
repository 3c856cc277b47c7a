#include "annotation/annotationlistmodel.h"

#include "document/document.h"
#include "model/project.h"
#include "text/visibletext.h"

namespace claimline {

namespace {

// "Event", "Claim", "Party": the kind as a word that begins a label.
QString kindWord(ItemKind kind)
{
    QString word = QString::fromLatin1(nameOf(kind).data(), qsizetype(nameOf(kind).size()));
    if (!word.isEmpty())
        word[0] = word[0].toUpper();
    return word;
}

} // namespace

AnnotationListModel::AnnotationListModel(Document *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    rebuild();
}

quint64 AnnotationListModel::pack(ItemRef item)
{
    return (quint64(item.kind) << 32) | item.index;
}

ItemRef AnnotationListModel::unpack(const QVariant &value)
{
    if (!value.isValid())
        return {};
    const quint64 v = value.toULongLong();
    return {static_cast<ItemKind>(v >> 32), std::uint32_t(v & 0xffffffffu)};
}

void AnnotationListModel::rebuild()
{
    std::vector<AnnotationEntry> entries = listAnnotations(m_document->project());
    if (entries == m_entries) {
        // The same annotations in the same places: their text or their items' labels may have
        // changed, the rows have not.
        if (!m_entries.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

bool AnnotationListModel::matches(int row, const QString &foldedNeedle) const
{
    return row >= 0 && row < rowCount()
        && annotationMatches(m_document->project(), entry(row), foldedNeedle);
}

int AnnotationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AnnotationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

Qt::ItemFlags AnnotationListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QString AnnotationListModel::displayText(int column, const AnnotationEntry &entry) const
{
    const Project &project = m_document->project();
    const Annotation &annotation = annotationAt(project, entry);
    switch (column) {
    case When:
        return annotation.at.toDisplayString();
    case Author:
        return visibleText(project.text(annotation.author));
    case Item:
        return kindWord(entry.item.kind) + QStringLiteral(": ")
            + visibleText(project.text(project.labelOf(entry.item)));
    case Text: {
        // One line in the list: the annotation's line breaks become spaces.
        QString text = project.text(annotation.text);
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        return visibleText(text);
    }
    default:
        return {};
    }
}

QVariant AnnotationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const AnnotationEntry &e = entry(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(index.column(), e);
    case Qt::ToolTipRole: {
        // The whole annotation, its lines kept, under who wrote it when and on what.
        const Project &project = m_document->project();
        QStringList lines = project.text(annotationAt(project, e).text).split(QLatin1Char('\n'));
        for (QString &line : lines)
            line = visibleText(line);
        return QString(displayText(Item, e) + QLatin1Char('\n') + displayText(Author, e)
                       + QStringLiteral(", ") + displayText(When, e) + QStringLiteral("\n\n")
                       + lines.join(QLatin1Char('\n')));
    }
    case ItemRole:
        return QVariant::fromValue(pack(e.item));
    case PositionRole:
        return QVariant::fromValue(quint32(e.position));
    default:
        return {};
    }
}

QVariant AnnotationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When (UTC)");
    case Author:
        return tr("Author");
    case Item:
        return tr("On");
    case Text:
        return tr("Annotation");
    default:
        return {};
    }
}

} // namespace claimline
