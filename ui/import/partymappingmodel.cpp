#include "import/partymappingmodel.h"

#include "model/project.h"
#include "text/visibletext.h"

#include <QLocale>

#include <set>

namespace claimline {

namespace {

QString qText(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The key PartyResolver compares names by: white space made single, case folded.
QString folded(const QString &text)
{
    return text.simplified().toCaseFolded();
}

} // namespace

PartyMappingModel::PartyMappingModel(const Project &project,
                                     std::vector<ImportSurvey::PartyName> names, QObject *parent)
    : QAbstractTableModel(parent)
    , m_project(project)
    , m_names(std::move(names))
    , m_remembered(PartyMap::ofProject(project))
{
    for (int row = 0; row < int(m_names.size()); ++row) {
        const QString key = folded(name(row));
        if (!m_rowByName.contains(key))
            m_rowByName.insert(key, row);
    }
    const auto &parties = m_project.parties();
    for (std::uint32_t i = 0; i < parties.size(); ++i) {
        for (const TextRef ref : {parties[i].id, parties[i].name, parties[i].shortName}) {
            const QString key = folded(m_project.text(ref));
            if (!ref.isEmpty() && !m_partyByName.contains(key))
                m_partyByName.insert(key, i); // the first party with a name wins
        }
    }
    m_targets.reserve(m_names.size());
    for (int row = 0; row < int(m_names.size()); ++row)
        m_targets.push_back(rememberedTarget(row).value_or(defaultTarget(row)));
    // A remembered map may send a name to another name of the list that is itself mapped
    // elsewhere ("A" → "B", "B" → "Russia"): follow it to where it ends; a circle ends at the
    // row's own new party.
    for (int row = 0; row < int(m_targets.size()); ++row) {
        std::set<std::uint32_t> seen {std::uint32_t(row)};
        Target target = m_targets[std::size_t(row)];
        while (target.kind == Target::Kind::Row
               && m_targets[target.index].kind != Target::Kind::OwnNew) {
            if (!seen.insert(target.index).second) {
                target = {};
                break;
            }
            target = m_targets[target.index];
        }
        m_targets[std::size_t(row)] = target;
    }
}

std::uint32_t PartyMappingModel::partyNamed(const QString &text) const
{
    const QString name = text.simplified();
    if (const auto item = m_project.find(name.toStdString()); item && item->kind == ItemKind::Party)
        return item->index;
    return m_partyByName.value(folded(name), NoIndex);
}

PartyMappingModel::Target PartyMappingModel::defaultTarget(int row) const
{
    const std::uint32_t party = partyNamed(name(row));
    return party == NoIndex ? Target {} : Target {Target::Kind::Party, party, {}};
}

std::optional<PartyMappingModel::Target> PartyMappingModel::rememberedTarget(int row) const
{
    const std::string &datasetName = m_names[std::size_t(row)].name;
    const std::optional<std::string_view> remembered = m_remembered.target(datasetName);
    if (!remembered)
        return std::nullopt;
    const QString text = qText(*remembered);
    if (const std::uint32_t party = partyNamed(text); party != NoIndex)
        return Target {Target::Kind::Party, party, {}};
    const QString key = folded(text);
    if (key == folded(name(row)))
        return Target {};
    if (const int other = m_rowByName.value(key, row); other != row)
        return Target {Target::Kind::Row, std::uint32_t(other), {}};
    return Target {Target::Kind::Named, NoIndex, text.simplified()};
}

int PartyMappingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

int PartyMappingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PartyMappingModel::name(int row) const
{
    return QString::fromStdString(m_names.at(std::size_t(row)).name);
}

std::int64_t PartyMappingModel::rows(int row) const
{
    return m_names.at(std::size_t(row)).rows;
}

QString PartyMappingModel::label(const Target &target, int row) const
{
    switch (target.kind) {
    case Target::Kind::OwnNew:
        return row < 0 ? tr("A new party each") : tr("New party “%1”").arg(visibleText(name(row)));
    case Target::Kind::Party: {
        const Party &party = m_project.parties().at(target.index);
        const QString partyName = m_project.text(party.name);
        return visibleText(partyName.isEmpty() ? m_project.text(party.id) : partyName);
    }
    case Target::Kind::Row:
        return tr("New party “%1”").arg(visibleText(name(int(target.index))));
    case Target::Kind::Named:
        return tr("New party “%1”").arg(visibleText(target.name));
    }
    return {};
}

QVariant PartyMappingModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = index.row();
    if (role == SourceRowRole)
        return row;
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return visibleText(name(row));
        break;
    case RowsColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(qlonglong(rows(row)));
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case TargetColumn: {
        const Target &target = m_targets[std::size_t(row)];
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return label(target, row);
        if (role == Qt::ToolTipRole) {
            if (target.kind == Target::Kind::Party)
                return tr("The project's party %1 (id %2)")
                    .arg(label(target, row),
                         visibleText(m_project.text(m_project.parties()[target.index].id)));
            if (target.kind == Target::Kind::Row)
                return tr("The new party made for “%1”, shared with this name")
                    .arg(visibleText(name(int(target.index))));
            return tr("A party the import creates");
        }
        break;
    }
    default:
        break;
    }
    return {};
}

QVariant PartyMappingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name in the file");
    case RowsColumn:
        return tr("Rows");
    case TargetColumn:
        return tr("Becomes");
    default:
        return {};
    }
}

Qt::ItemFlags PartyMappingModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.column() == TargetColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

std::vector<PartyMappingModel::Target> PartyMappingModel::choices(int row) const
{
    std::vector<Target> result;
    if (partyNamed(name(row)) == NoIndex)
        result.push_back({});
    if (m_targets[std::size_t(row)].kind == Target::Kind::Named)
        result.push_back(m_targets[std::size_t(row)]);
    for (std::uint32_t party = 0; party < m_project.parties().size(); ++party)
        result.push_back({Target::Kind::Party, party, {}});
    for (int other = 0; other < rowCount(); ++other) {
        if (other != row && m_targets[std::size_t(other)].kind == Target::Kind::OwnNew)
            result.push_back({Target::Kind::Row, std::uint32_t(other), {}});
    }
    return result;
}

std::vector<PartyMappingModel::Target> PartyMappingModel::sharedChoices() const
{
    std::vector<Target> result {Target {}};
    for (std::uint32_t party = 0; party < m_project.parties().size(); ++party)
        result.push_back({Target::Kind::Party, party, {}});
    for (int row = 0; row < rowCount(); ++row) {
        if (m_targets[std::size_t(row)].kind == Target::Kind::OwnNew)
            result.push_back({Target::Kind::Row, std::uint32_t(row), {}});
    }
    return result;
}

void PartyMappingModel::setTarget(int row, Target target)
{
    if (row < 0 || row >= rowCount())
        return;
    if (target.kind == Target::Kind::Row) {
        if (int(target.index) == row)
            target = {};
        else if (m_targets.at(target.index).kind != Target::Kind::OwnNew)
            target = m_targets[target.index];
    }
    // A name the project already has a party for cannot make a new one: the import would
    // reuse that party.
    if (target.kind == Target::Kind::OwnNew) {
        if (const std::uint32_t party = partyNamed(name(row)); party != NoIndex)
            target = {Target::Kind::Party, party, {}};
    }
    const Target old = m_targets[std::size_t(row)];
    if (old == target)
        return;
    m_targets[std::size_t(row)] = target;
    int first = row;
    int last = row;
    if (old.kind == Target::Kind::OwnNew) {
        // The rows that shared this row's new party go where it goes.
        for (int other = 0; other < rowCount(); ++other) {
            Target &followed = m_targets[std::size_t(other)];
            if (followed.kind == Target::Kind::Row && int(followed.index) == row) {
                followed = target;
                first = std::min(first, other);
                last = std::max(last, other);
            }
        }
    }
    Q_EMIT dataChanged(index(first, TargetColumn), index(last, TargetColumn));
}

int PartyMappingModel::existingPartyRows() const
{
    return int(std::count_if(m_targets.begin(), m_targets.end(),
                             [](const Target &t) { return t.kind == Target::Kind::Party; }));
}

int PartyMappingModel::newParties() const
{
    std::set<QString> named;
    int own = 0;
    for (const Target &target : m_targets) {
        if (target.kind == Target::Kind::OwnNew)
            ++own;
        else if (target.kind == Target::Kind::Named)
            named.insert(folded(target.name));
    }
    return own + int(named.size());
}

PartyMap PartyMappingModel::partyMap() const
{
    PartyMap map;
    for (int row = 0; row < rowCount(); ++row) {
        const Target &target = m_targets[std::size_t(row)];
        // What the import does with the name without a new entry: the remembered one, else
        // the name's own party.
        if (target == rememberedTarget(row).value_or(defaultTarget(row)))
            continue;
        const std::string datasetName = m_names[std::size_t(row)].name;
        switch (target.kind) {
        case Target::Kind::OwnNew:
            map.set(datasetName, datasetName);
            break;
        case Target::Kind::Party:
            map.set(datasetName, std::string(m_project.view(m_project.parties()[target.index].id)));
            break;
        case Target::Kind::Row:
            map.set(datasetName, m_names[target.index].name);
            break;
        case Target::Kind::Named:
            map.set(datasetName, target.name.toStdString());
            break;
        }
    }
    return map;
}

} // namespace claimline
