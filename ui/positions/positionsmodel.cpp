#include "positions/positionsmodel.h"

#include "common/colors.h"
#include "document/document.h"
#include "model/project.h"

#include <QTextDocument>

namespace claimline {

namespace {

// A tooltip shows rich text when it looks like markup: file text goes in escaped, as a
// paragraph, so that "<b>" in a name is shown as the characters it is.
QString plainToolTip(const QString &text)
{
    return Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

} // namespace

PositionsModel::PositionsModel(Document *document, const Filter *filter, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_filter(filter)
{
    Q_ASSERT(document);
}

void PositionsModel::setParties(std::vector<std::uint32_t> parties)
{
    beginResetModel();
    m_parties = std::move(parties);
    m_table.build(m_document->project(), m_filter, m_parties, false);
    endResetModel();
}

void PositionsModel::refreshCells()
{
    m_table.build(m_document->project(), m_filter, m_parties, false);
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                           {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole});
}

void PositionsModel::setSwatchBackground(const QColor &background, const QColor &text)
{
    if (background == m_background && text == m_text)
        return;
    m_background = background;
    m_text = text;
    if (columnCount() > 0)
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

QModelIndex PositionsModel::indexOf(std::uint32_t question, std::uint32_t party) const
{
    const auto &questions = m_table.questions();
    const auto &parties = m_table.parties();
    const auto row = std::find(questions.begin(), questions.end(), question);
    const auto column = std::find(parties.begin(), parties.end(), party);
    if (row == questions.end() || column == parties.end())
        return {};
    return index(int(row - questions.begin()), int(column - parties.begin()));
}

int PositionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_table.rowCount();
}

int PositionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_table.columnCount();
}

QVariant PositionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Project &project = m_document->project();
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return m_table.text(project, row, column);
    case Qt::EditRole: {
        // The text as stored: what the editor starts from and compares with.
        const std::uint32_t position = m_table.position(row, column);
        return position == NoIndex ? QString() : project.text(project.positions()[position].text);
    }
    case Qt::ToolTipRole: {
        const QString party = m_table.partyName(project, column);
        const QString text = m_table.text(project, row, column);
        return plainToolTip(text.isEmpty() ? tr("No position of %1 recorded on this question. "
                                                "Double-click or type to write one.")
                                                 .arg(party)
                                           : tr("%1: %2").arg(party, text));
    }
    case QuestionRole:
        return m_table.question(row);
    case PartyRole:
        return m_table.party(column);
    default:
        return {};
    }
}

QVariant PositionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const Project &project = m_document->project();
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_table.rowCount())
            return {};
        if (role == Qt::DisplayRole)
            return m_table.questionText(project, section);
        if (role == Qt::ToolTipRole)
            return plainToolTip(m_table.questionText(project, section));
        if (role == QuestionRole)
            return m_table.question(section);
        return {};
    }
    if (section < 0 || section >= m_table.columnCount())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return m_table.partyName(project, section);
    case Qt::ToolTipRole:
        return plainToolTip(m_table.partyName(project, section));
    case PartyRole:
        return m_table.party(section);
    case SwatchRole:
        return partyColor(project, m_table.party(section), m_background, m_text);
    default:
        return {};
    }
}

Qt::ItemFlags PositionsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

bool PositionsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    // The Document decides whether this is an edit (an unchanged text is not) and announces
    // it; refreshCells() follows from its signal.
    m_document->setPosition(m_table.question(index.row()), m_table.party(index.column()),
                            value.toString());
    return true;
}

} // namespace claimline
