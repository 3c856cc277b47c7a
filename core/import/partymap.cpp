#include "import/partymap.h"

#include "model/project.h"
#include "session/safewrite.h"

#include <QFile>
#include <QIODevice>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace claimline {

namespace {

constexpr const char *ProjectKey = "party_map";

QString qText(const std::string &text)
{
    return QString::fromStdString(text);
}

// A JSON value named in a message, kept short: a party map is often typed by hand.
QString shortDump(const nlohmann::json &value)
{
    std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (text.size() > 40)
        text = text.substr(0, 37) + "...";
    return qText(text);
}

} // namespace

std::optional<std::string_view> PartyMap::target(std::string_view name) const
{
    const auto found = m_targets.find(name);
    if (found == m_targets.end())
        return std::nullopt;
    return std::string_view(found->second);
}

void PartyMap::set(const std::string &name, const std::string &party)
{
    m_targets[name] = party;
}

void PartyMap::remove(const std::string &name)
{
    m_targets.erase(name);
}

void PartyMap::merge(const PartyMap &other)
{
    for (const auto &[name, party] : other.m_targets)
        m_targets[name] = party;
}

nlohmann::json PartyMap::toJson() const
{
    nlohmann::json object = nlohmann::json::object();
    for (const auto &[name, party] : m_targets)
        object[name] = party;
    return object;
}

std::optional<PartyMap> PartyMap::fromJson(const nlohmann::json &value, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (!value.is_object())
        return fail(QStringLiteral("a party map is a JSON object from dataset names to parties, "
                                   "not %1")
                        .arg(shortDump(value)));
    PartyMap map;
    for (const auto &[name, party] : value.items()) {
        const QString quotedName = u'"' + qText(name) + u'"';
        if (name.empty())
            return fail(QStringLiteral("a dataset name is empty"));
        if (!party.is_string())
            return fail(
                QStringLiteral("%1 at %2 is not a string").arg(shortDump(party), quotedName));
        const auto &target = party.get_ref<const std::string &>();
        if (qText(target).trimmed().isEmpty())
            return fail(QStringLiteral("the party for %1 is empty").arg(quotedName));
        map.m_targets.emplace(name, target);
    }
    return map;
}

std::optional<PartyMap> PartyMap::load(const QString &path, QString *error)
{
    const auto fail = [error, &path](const QString &why) {
        if (error)
            *error = path + QStringLiteral(": ") + why;
        return std::nullopt;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot be read: %1").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    nlohmann::json value;
    try {
        value = nlohmann::json::parse(bytes.begin(), bytes.end());
    } catch (const nlohmann::json::parse_error &e) {
        return fail(QStringLiteral("not JSON (at byte %1)").arg(e.byte));
    }
    QString why;
    auto map = fromJson(value, &why);
    if (!map)
        return fail(why);
    return map;
}

QString PartyMap::save(const QString &path) const
{
    const std::string text = toJson().dump(2) + '\n';
    return safeWrite(
        path,
        [&text](QIODevice &device, QString *error) {
            if (device.write(text.data(), qint64(text.size())) != qint64(text.size())) {
                *error = device.errorString();
                return false;
            }
            return true;
        },
        SafeWriteOptions {.keepBackup = false});
}

PartyMap PartyMap::ofProject(const Project &project)
{
    const nlohmann::json &top = project.topLevelExtra();
    if (!top.is_object())
        return {};
    const auto found = top.find(ProjectKey);
    if (found == top.end())
        return {};
    if (auto map = fromJson(*found, nullptr))
        return std::move(*map);
    // The file's reader keeps an unknown field as it is; a malformed map is ignored (and kept
    // in the file until a new one is stored) rather than blocking the import. The log names
    // no party: they come from the user's data.
    spdlog::warn("the project's party_map is not an object of names to parties: ignored");
    return {};
}

void PartyMap::storeIn(Project &project) const
{
    nlohmann::json &top = project.topLevelExtra();
    if (isEmpty()) {
        if (top.is_object())
            top.erase(ProjectKey);
        return;
    }
    if (!top.is_object())
        top = nlohmann::json::object();
    top[ProjectKey] = toJson();
}

} // namespace claimline
