#pragma once

// Helpers for the importer's tests: the fixture files, a project from JSON, and what an
// imported event holds, read back as text.

#include "format/projectreader.h"
#include "import/importer.h"
#include "model/project.h"
#include "testproject.h"
#include "testsupport.h"

#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

namespace claimline::test {

inline QString importData(const char *name)
{
    return QStringLiteral(CLAIMLINE_SOURCE_DIR "/tests/core/data/import/") + QLatin1String(name);
}

inline Project projectFromJson(std::string_view json)
{
    LoadResult result = readProject(json);
    EXPECT_TRUE(result.ok()) << (result.problems.empty()
                                     ? std::string()
                                     : result.problems.front().toString().toStdString());
    return result.ok() ? std::move(*result.project) : Project();
}

inline const Event &eventById(const Project &p, std::string_view id)
{
    static const Event none;
    const auto ref = p.find(id);
    EXPECT_TRUE(ref && ref->kind == ItemKind::Event) << "no event " << id;
    return ref && ref->kind == ItemKind::Event ? p.events()[ref->index] : none;
}

inline std::string text(const Project &p, TextRef ref)
{
    return std::string(p.view(ref));
}

inline QStringList partyNames(const Project &p, const Event &e)
{
    QStringList names;
    for (const std::uint32_t party : p.indices(e.parties))
        names << p.text(p.parties()[party].name);
    return names;
}

inline QStringList sourceTitles(const Project &p, const Event &e)
{
    QStringList titles;
    for (const Citation &c : p.citations(e.sources))
        titles << p.text(p.sources()[c.source].title);
    return titles;
}

inline QStringList tagWords(const Project &p, const Event &e)
{
    QStringList tags;
    for (const std::uint32_t tag : p.indices(e.tags))
        tags << QString::fromStdString(std::string(p.word(tag)));
    return tags;
}

inline std::string kindOf(const Project &p, const Event &e)
{
    return e.kind == NoIndex ? std::string() : std::string(p.word(e.kind));
}

// The attribute's value, with "#" before a number: "#3", "Kharkiv"; nullopt when absent.
inline std::optional<std::string> attribute(const Project &p, const Event &e, std::string_view key)
{
    const Origin *origin = p.originOf(e);
    if (!origin)
        return std::nullopt;
    for (const Attribute &a : p.attributes(origin->attributes)) {
        if (p.word(a.key) == key) {
            std::string value(a.isNumber ? "#" : "");
            value.append(p.word(a.value));
            return value;
        }
    }
    return std::nullopt;
}

inline std::string originText(const Project &p, const Event &e)
{
    const Origin *origin = p.originOf(e);
    if (!origin)
        return "none";
    std::string result(p.word(origin->format));
    result.append(" ").append(p.view(origin->id)).append(" ").append(p.view(origin->updated));
    return result;
}

inline QStringList problemLines(const ImportReport &report)
{
    QStringList lines;
    for (const ImportProblem &problem : report.problems)
        lines << QString::number(problem.line) + QStringLiteral(": ") + problem.reason;
    return lines;
}

} // namespace claimline::test
