#pragma once

// Shared by the NarrativesView tests: the sample in an offscreen view, its rows and cells found
// by the ids of the file, and the sample with markup in its text.

#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "export/narrativeshtml.h"
#include "model/generator.h"
#include "model/project.h"
#include "narratives/claimdialog.h"
#include "narratives/narrativescanvas.h"
#include "narratives/narrativesexport.h"
#include "narratives/narrativesview.h"
#include "testprocess.h"
#include "testsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QMouseEvent>
#include <QPalette>
#include <QProcess>
#include <QProcessEnvironment>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>

namespace claimline::test {

inline std::string str(const QString &s)
{
    return s.toStdString();
}

struct Fixture
{
    Document document;
    Selection selection;
    Filter filter;
    NarrativesView view {&document, &selection, &filter};

    explicit Fixture(const QString &path = test::samplePath(), QSize size = {1400, 900})
    {
        EXPECT_TRUE(document.load(path).empty());
        view.resize(size);
        view.show();
        QCoreApplication::processEvents();
    }

    const Project &project() const { return document.project(); }

    std::uint32_t id(const char *text, ItemKind kind) const
    {
        const auto item = project().find(text);
        EXPECT_TRUE(item && item->kind == kind) << text;
        return item ? item->index : NoIndex;
    }
    std::uint32_t claim(const char *text) const { return id(text, ItemKind::Claim); }
    std::uint32_t party(const char *text) const { return id(text, ItemKind::Party); }
    std::uint32_t question(const char *text) const { return id(text, ItemKind::Question); }

    QString statement(const char *claimId) const
    {
        return project().text(project().claims()[claim(claimId)].statement);
    }

    int rowOf(const char *questionId) const
    {
        const std::uint32_t q = question(questionId);
        for (std::size_t r = 0; r < view.table().rowCount(); ++r) {
            if (view.table().rows()[r].question == q
                && view.table().rows()[r].kind != NarrativesRow::Kind::Pair)
                return int(r);
        }
        return -1;
    }
    int columnOf(const char *partyId) const
    {
        const auto &parties = view.table().spec().parties; // the columns shown
        const auto it = std::find(parties.begin(), parties.end(), party(partyId));
        return it == parties.end() ? -1 : int(it - parties.begin());
    }
    QString cell(const char *questionId, const char *partyId) const
    {
        return view.cellText(rowOf(questionId), columnOf(partyId));
    }
    // The side-by-side row whose A cell holds the claim.
    int pairRowOf(std::uint32_t aClaim) const
    {
        for (std::size_t r = 0; r < view.table().rowCount(); ++r) {
            const NarrativesRow &row = view.table().rows()[r];
            if (row.kind == NarrativesRow::Kind::Pair && !row.cells[0].empty()
                && row.cells[0][0] == aClaim)
                return int(r);
        }
        return -1;
    }
};

inline void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

// The sample with one claim's statement, its question and its event's title replaced.
inline QString markupProject(const QDir &dir)
{
    nlohmann::json json = nlohmann::json::parse(test::readString(test::samplePath()));
    const std::string markup = "<img src=x><b>b</b>";
    for (auto &claim : json["claims"]) {
        if (claim["id"] == "claim-91-drones")
            claim["statement"] = markup + " & \"quoted\" 'single'";
    }
    for (auto &question : json["questions"]) {
        if (question["id"] == "q-scale")
            question["text"] = markup + " question?";
    }
    for (auto &event : json["events"]) {
        if (event["id"] == "ev-residence-drones")
            event["title"] = markup + " event";
    }
    const QString path = dir.filePath(QStringLiteral("markup.claimline"));
    EXPECT_TRUE(test::writeFile(path, json.dump()));
    return path;
}

} // namespace claimline::test
