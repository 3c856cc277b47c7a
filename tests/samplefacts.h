#pragma once

// What a project file holds, read with Qt's own JSON parser rather than Claimline's reader, so
// that the tests of what the views compute (charts, narratives, details) count the file's
// items without the code under test: a bug in the reader or the Project's indexes cannot
// make a count agree with itself.

#include "format/projectreader.h"
#include "model/project.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace claimline::test {

class FileFacts
{
public:
    explicit FileFacts(const QString &path = samplePath())
    {
        QJsonParseError error;
        m_root = QJsonDocument::fromJson(readBytes(path), &error).object();
        EXPECT_EQ(error.error, QJsonParseError::NoError) << path.toStdString();
        for (const char *key : {"parties", "actors", "sources", "events", "questions", "claims"}) {
            for (const QJsonValue &value : array(key)) {
                const QJsonObject item = value.toObject();
                m_byId[text(item, "id")] = item;
            }
        }
    }

    QJsonArray array(const char *key) const { return m_root.value(QLatin1String(key)).toArray(); }
    std::vector<QJsonObject> items(const char *key) const
    {
        std::vector<QJsonObject> out;
        for (const QJsonValue &value : array(key))
            out.push_back(value.toObject());
        return out;
    }
    // The item of any kind with this id (an empty object when there is none).
    QJsonObject item(const QString &id) const
    {
        const auto it = m_byId.find(id);
        return it == m_byId.end() ? QJsonObject() : it->second;
    }
    QString metaTitle() const
    {
        return m_root.value(QLatin1String("meta"))
            .toObject()
            .value(QLatin1String("title"))
            .toString();
    }

    static QString text(const QJsonObject &item, const char *key)
    {
        return item.value(QLatin1String(key)).toString();
    }
    // Status as written, "unverified" when the file leaves it out.
    static QString status(const QJsonObject &item)
    {
        return item.value(QLatin1String("status")).toString(QStringLiteral("unverified"));
    }
    // The ids listed under `key`: `parties` and `tags` are ids, `sources` citations.
    static std::vector<QString> ids(const QJsonObject &item, const char *key)
    {
        std::vector<QString> out;
        for (const QJsonValue &value : item.value(QLatin1String(key)).toArray()) {
            out.push_back(value.isObject()
                              ? value.toObject().value(QLatin1String("source")).toString()
                              : value.toString());
        }
        return out;
    }

    bool isParty(const QString &id) const
    {
        for (const QJsonValue &value : array("parties")) {
            if (text(value.toObject(), "id") == id)
                return true;
        }
        return false;
    }
    // The party a claim speaks for: its claimant when that is a party, else the claimant
    // actor's party; empty when neither.
    QString partyOfClaim(const QJsonObject &claim) const
    {
        const QString claimant = text(claim, "claimant");
        return isParty(claimant) ? claimant : text(item(claimant), "party");
    }
    // The name of an actor or party.
    QString nameOf(const QString &id) const { return text(item(id), "name"); }

private:
    QJsonObject m_root;
    std::map<QString, QJsonObject> m_byId;
};

// The project a file's text gives; a problem fails the test and gives an empty project.
inline Project parseProject(const char *text)
{
    LoadResult result = readProject(text);
    EXPECT_TRUE(result.ok()) << (result.problems.empty()
                                     ? std::string()
                                     : result.problems.front().toString().toStdString());
    return result.ok() ? std::move(*result.project) : Project();
}

inline Project loadSample()
{
    LoadResult result = loadProject(samplePath());
    EXPECT_TRUE(result.ok());
    return result.ok() ? std::move(*result.project) : Project();
}

// A project's item id as a QString, to look an index up in FileFacts.
inline QString idOf(const Project &project, ItemRef item)
{
    return project.text(project.idOf(item));
}

} // namespace claimline::test
