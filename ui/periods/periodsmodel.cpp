#include "periods/periodsmodel.h"

#include "document/document.h"
#include "model/project.h"
#include "text/visibletext.h"

#include <QByteArray>
#include <QTextDocument>

namespace claimline {

PeriodsModel::PeriodsModel(Document *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_rows(int(document->project().periods().size()))
{
    connect(m_document, &Document::periodsChanged, this, &PeriodsModel::periodsChanged);
    connect(m_document, &Document::reset, this, &PeriodsModel::periodsChanged);
    connect(m_document, &Document::metaChanged, this, [this] {
        // The display zone may have changed: the readings follow.
        if (m_rows > 0)
            Q_EMIT dataChanged(index(0, ReadsColumn), index(m_rows - 1, ReadsColumn));
    });
}

void PeriodsModel::periodsChanged()
{
    const int rows = int(m_document->project().periods().size());
    if (rows != m_rows || rows == 0) {
        // Added or removed (or undone): a few dozen rows, rebuilt whole.
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
}

int PeriodsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int PeriodsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QTimeZone PeriodsModel::zone() const
{
    const Project &project = m_document->project();
    const std::string_view id = project.view(project.meta().displayTimeZone);
    const QTimeZone zone(QByteArray(id.data(), qsizetype(id.size())));
    return id.empty() || !zone.isValid() ? QTimeZone::utc() : zone;
}

QString PeriodsModel::reading(const QString &edtf, const QTimeZone &zone, bool *ok)
{
    std::string error;
    const std::optional<FuzzyTime> time = FuzzyTime::parse(edtf.trimmed().toStdString(), &error);
    if (ok)
        *ok = time.has_value();
    if (edtf.trimmed().isEmpty())
        return tr("A period needs a time, as EDTF: 2025-12-28, 2025-12-29/2025-12-31, 2025-12~.");
    if (!time)
        return tr("Not a time: %1.").arg(visibleText(QString::fromStdString(error)));
    return tr("Reads %1.").arg(time->toDisplayString(zone));
}

QVariant PeriodsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const Project &project = m_document->project();
    const Period &period = project.periods()[std::size_t(index.row())];
    switch (index.column()) {
    case TitleColumn:
        if (role == Qt::EditRole)
            return project.text(period.title);
        if (role == Qt::DisplayRole)
            return visibleText(project.text(period.title));
        // A tooltip is rich text when it looks like markup: file text is escaped first.
        if (role == Qt::ToolTipRole)
            return Qt::convertFromPlainText(visibleText(project.text(period.title)));
        break;
    case WhenColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return QString::fromStdString(period.when.toEdtf());
        if (role == Qt::ToolTipRole)
            return tr("The time as EDTF; it reads %1").arg(period.when.toDisplayString(zone()));
        break;
    case ReadsColumn:
        if (role == Qt::DisplayRole)
            return period.when.toDisplayString(zone());
        break;
    default:
        break;
    }
    return {};
}

QVariant PeriodsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case WhenColumn:
        return tr("When (EDTF)");
    case ReadsColumn:
        return tr("Reads");
    default:
        return {};
    }
}

Qt::ItemFlags PeriodsModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != ReadsColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool PeriodsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_rows)
        return false;
    const auto row = std::uint32_t(index.row());
    const Period &period = m_document->project().periods()[row];
    const QString title = m_document->project().text(period.title);
    const QString text = value.toString();
    if (index.column() == TitleColumn) {
        if (text.simplified().isEmpty()) {
            Q_EMIT problem(tr("A period needs a title: the title was left as it was."));
            return false;
        }
        return m_document->editPeriod(row, text, period.when);
    }
    if (index.column() != WhenColumn)
        return false;
    std::string error;
    const std::optional<FuzzyTime> when = FuzzyTime::parse(text.trimmed().toStdString(), &error);
    if (!when) {
        Q_EMIT problem(text.trimmed().isEmpty()
                           ? tr("A period needs a time: the time was left as it was.")
                           : tr("Not a time: %1. The time was left as it was.")
                                 .arg(visibleText(QString::fromStdString(error))));
        return false;
    }
    return m_document->editPeriod(row, title, *when);
}

} // namespace claimline
