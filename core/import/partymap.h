#pragma once

// PartyMap: which party each actor or side name of a dataset becomes. "Military Forces of
// Russia (2000-)" and "Government of Russia (2000-)" → "Russia". A name the map does not
// hold becomes a party of its own name (reusing a party with that name or short name).
//
// As a file (`claimline import --party-map FILE`) and in a project (the file's top-level
// `party_map`, what the import wizard remembers), it is one JSON object from dataset name to
// party: {"Military Forces of Russia (2000-)": "Russia", ...}. The party is named by its id,
// name or short name in the project; a name that is none of them creates a party so named.

#include <QString>

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace claimline {

class Project;

class PartyMap
{
public:
    // The target for a dataset name, or nullopt when the map leaves it alone.
    std::optional<std::string_view> target(std::string_view name) const;
    void set(const std::string &name, const std::string &party);
    void remove(const std::string &name);
    bool isEmpty() const { return m_targets.empty(); }
    const std::map<std::string, std::string, std::less<>> &entries() const { return m_targets; }

    // Entries of `other` replace those of this map with the same name.
    void merge(const PartyMap &other);

    nlohmann::json toJson() const;
    // nullopt and `error` set ("\"Russia\" at \"Government of Russia\" is not a string") when
    // the value is not an object of strings.
    static std::optional<PartyMap> fromJson(const nlohmann::json &value, QString *error);
    // Reads a party map file; nullopt and `error` naming the file and what is wrong.
    static std::optional<PartyMap> load(const QString &path, QString *error);
    [[nodiscard]] QString save(const QString &path) const; // empty, or why it failed

    // The map a project remembers (its `party_map`), and storing one there.
    static PartyMap ofProject(const Project &project);
    void storeIn(Project &project) const;

    friend bool operator==(const PartyMap &, const PartyMap &) = default;

private:
    std::map<std::string, std::string, std::less<>> m_targets;
};

} // namespace claimline
