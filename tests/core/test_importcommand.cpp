// Document::applyImport (ImportCommand): an import is one undo step. Undo brings back the
// project as it was before (every item with its id and label, the counts), redo the imported
// one; the modified flag follows the undo stack's clean state and the file path stays.

#include "document/document.h"
#include "model/project.h"
#include "signalspy.h"
#include "testproject.h"
#include "testsupport.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <QUndoStack>

#include <string>
#include <tuple>
#include <vector>

using namespace claimline;
using test::SignalSpy;

namespace {

// What a reader of the project sees of every item: kind, index, id and label, in order.
using Fingerprint = std::vector<std::tuple<int, std::uint32_t, std::string, std::string>>;

Fingerprint fingerprint(const Project &project)
{
    Fingerprint result;
    for (std::size_t k = 0; k < ItemKindNames.size(); ++k) {
        const auto kind = ItemKind(k);
        for (std::uint32_t i = 0; i < project.count(kind); ++i) {
            const ItemRef item {kind, i};
            result.emplace_back(int(k), i, std::string(project.view(project.idOf(item))),
                                std::string(project.view(project.labelOf(item))));
        }
    }
    return result;
}

// What an import does to a clone of the open project: a new party and event, and an existing
// event's title changed (an update by id).
Project imported(const Project &before)
{
    Project after = before.clone();
    Party party;
    party.id = after.addText(std::string_view("military-forces-of-russia-2000"));
    party.name = after.addText(std::string_view("Military Forces of Russia (2000-)"));
    after.parties().push_back(party);
    EXPECT_FALSE(after.registerId({ItemKind::Party, std::uint32_t(after.parties().size() - 1)}));
    Event event;
    event.id = after.addText(std::string_view("acled-UKR12345"));
    event.title = after.addText(std::string_view("Air/drone strike in Novgorod"));
    event.when = FuzzyTime::fromDate(2025, 12, 29);
    after.events().push_back(event);
    EXPECT_FALSE(after.registerId({ItemKind::Event, std::uint32_t(after.events().size() - 1)}));
    after.events().front().title = after.addText(std::string_view("Changed by the import"));
    after.invalidateIndexes();
    return after;
}

class ImportCommandTest : public testing::Test
{
protected:
    void SetUp() override
    {
        const Problems problems = doc.load(test::samplePath());
        ASSERT_TRUE(problems.empty()) << problems.front().toStdString();
    }

    Document doc;
};

} // namespace

TEST_F(ImportCommandTest, ImportIsOneUndoStepThatRestoresTheProjectExactly)
{
    const Fingerprint before = fingerprint(doc.project());
    const std::size_t events = doc.project().events().size();
    const QString path = doc.filePath();
    Project after = imported(doc.project());
    const Fingerprint expectedAfter = fingerprint(after);
    ASSERT_NE(before, expectedAfter);

    SignalSpy reset(&doc, &Document::reset);
    doc.applyImport(std::move(after), QStringLiteral("Import 1 event from acled.csv"));
    EXPECT_EQ(fingerprint(doc.project()), expectedAfter);
    EXPECT_EQ(doc.project().events().size(), events + 1);
    EXPECT_EQ(doc.project().text(doc.project().events().back().title),
              QStringLiteral("Air/drone strike in Novgorod"));
    // The imported event is found by its id: the project's indexes follow the swap.
    EXPECT_TRUE(doc.project().find("acled-UKR12345").has_value());
    EXPECT_EQ(reset.count(), 1U);
    EXPECT_TRUE(doc.isModified());
    EXPECT_EQ(doc.filePath(), path);
    EXPECT_EQ(doc.undoStack()->count(), 1);
    EXPECT_EQ(doc.undoStack()->undoText(), QStringLiteral("Import 1 event from acled.csv"));

    doc.undoStack()->undo();
    EXPECT_EQ(fingerprint(doc.project()), before);
    EXPECT_EQ(doc.project().events().size(), events);
    EXPECT_FALSE(doc.project().find("acled-UKR12345").has_value());
    EXPECT_FALSE(doc.project().find("military-forces-of-russia-2000").has_value());
    EXPECT_EQ(reset.count(), 2U);
    // Back to the file as it is on disk.
    EXPECT_FALSE(doc.isModified());
    EXPECT_EQ(doc.filePath(), path);

    doc.undoStack()->redo();
    EXPECT_EQ(fingerprint(doc.project()), expectedAfter);
    EXPECT_EQ(reset.count(), 3U);
    EXPECT_TRUE(doc.isModified());
}

TEST_F(ImportCommandTest, UndoOfAnImportIntoAModifiedProjectStaysModified)
{
    const std::uint32_t first = 0;
    doc.setEventTitle(first, QStringLiteral("Edited before the import"));
    ASSERT_TRUE(doc.isModified());
    const Fingerprint edited = fingerprint(doc.project());
    doc.applyImport(imported(doc.project()), QStringLiteral("Import 1 event from acled.csv"));
    EXPECT_EQ(doc.undoStack()->count(), 2);
    doc.undoStack()->undo();
    EXPECT_EQ(fingerprint(doc.project()), edited);
    EXPECT_EQ(doc.project().text(doc.project().events()[first].title),
              QStringLiteral("Edited before the import"));
    EXPECT_TRUE(doc.isModified());
    // The edit before it is still there to undo, down to the saved file.
    doc.undoStack()->undo();
    EXPECT_FALSE(doc.isModified());
}

TEST_F(ImportCommandTest, SavingAfterAnImportMakesTheImportedProjectTheCleanOne)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    doc.applyImport(imported(doc.project()), QStringLiteral("Import 1 event from acled.csv"));
    ASSERT_TRUE(doc.save(dir.filePath(QStringLiteral("saved.claimline"))).isEmpty());
    EXPECT_FALSE(doc.isModified());
    doc.undoStack()->undo();
    // The project on screen differs from the file now.
    EXPECT_TRUE(doc.isModified());
    EXPECT_FALSE(doc.project().find("acled-UKR12345").has_value());
}
