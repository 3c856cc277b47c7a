#pragma once

// PartyMappingModel: the import wizard's party step. One row per actor or side name the files
// give (most rows first), with the party it becomes: a new party of its own name, a party the
// project has, or the new party another name of the list makes (which merges the two). It is
// preset as the import would go without asking: the project's remembered party map first
// (PartyMap::ofProject), else a party whose id, name or short name is the dataset's name (as
// PartyResolver matches), else a new party. partyMap() is what the import is given; it holds
// only what differs from that default, so the project remembers choices, not every name.

#include "import/importer.h"
#include "import/partymap.h"
#include "model/model.h"

#include <QAbstractTableModel>
#include <QHash>

#include <cstdint>
#include <optional>
#include <vector>

namespace claimline {

class Project;

class PartyMappingModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, RowsColumn, TargetColumn, ColumnCount };
    enum Role {
        SourceRowRole = Qt::UserRole + 1, // the row in this model, through any proxy
    };

    struct Target
    {
        enum class Kind : std::uint8_t {
            OwnNew, // a new party named as the row
            Party, // a party of the project: index
            Row, // the new party another row makes: index (that row's target is OwnNew)
            Named, // a new party the remembered map names, that neither has: name
        };
        Kind kind = Kind::OwnNew;
        std::uint32_t index = NoIndex;
        QString name;
        friend bool operator==(const Target &, const Target &) = default;
    };

    // `project` is the project the import goes into; it must outlive the model.
    PartyMappingModel(const Project &project, std::vector<ImportSurvey::PartyName> names,
                      QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QString name(int row) const;
    std::int64_t rows(int row) const;
    Target target(int row) const { return m_targets.at(std::size_t(row)); }
    // What a target reads as in the list: "New party “Government of Russia (2000-)”",
    // "Russia".
    QString label(const Target &target, int row) const;
    // The targets a row can be given, in the order a menu lists them: its own new party (unless
    // a party of the project already has its name), the remembered name it has, the
    // project's parties, then the other rows' new parties.
    std::vector<Target> choices(int row) const;
    // The targets several rows can be given at once: each its own new party (OwnNew), the
    // project's parties, every row's new party.
    std::vector<Target> sharedChoices() const;
    // Sets a row's target. Rows that followed its new party follow it to the new target (a
    // Row target never points at a row that is not a new party). A Row target naming the row
    // itself makes it its own new party.
    void setTarget(int row, Target target);

    // How many rows become a party the project has, and how many new parties there will be.
    int existingPartyRows() const;
    int newParties() const;
    PartyMap partyMap() const;

private:
    // The party a text names as PartyResolver finds it, or NoIndex.
    std::uint32_t partyNamed(const QString &text) const;
    // What a name becomes without a map: the party of that name, else a new one.
    Target defaultTarget(int row) const;
    // The target the remembered map gives a row (nullopt: it has none).
    std::optional<Target> rememberedTarget(int row) const;

    const Project &m_project;
    std::vector<ImportSurvey::PartyName> m_names;
    std::vector<Target> m_targets;
    PartyMap m_remembered;
    // Folded names (PartyResolver's key): of the rows, and of the parties' ids, names and short
    // names (the first party with one wins, as in PartyResolver).
    QHash<QString, int> m_rowByName;
    QHash<QString, std::uint32_t> m_partyByName;
};

} // namespace claimline
