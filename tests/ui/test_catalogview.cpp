// CatalogView: a source without an archived copy is marked (an icon drawn in the text colour,
// a tooltip, an accessible description) and one with a copy is not; the mark follows edits.

#include "document/document.h"
#include "document/selection.h"
#include "edit/catalogview.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace claimline;

namespace {

void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

// Whether a row's icon has any visible pixel.
bool drawsSomething(const QTreeWidgetItem *row)
{
    const QImage image = row->icon(0).pixmap(QSize(12, 12)).toImage();
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) > 0)
                return true;
        }
    }
    return false;
}

bool isMarked(const QTreeWidgetItem *row)
{
    return row->data(0, CatalogView::NoArchivedCopyRole).toBool();
}

class CatalogViewTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const QString path = m_dir.filePath(QStringLiteral("sources.claimline"));
        ASSERT_TRUE(test::writeFile(path, R"({"format": "claimline", "version": 1,
            "sources": [
                {"id": "s1", "title": "Wire", "url": "https://example.org/a"},
                {"id": "s2", "title": "Kept", "url": "https://example.org/b",
                 "archive_url": "https://web.archive.org/web/2026/https://example.org/b"},
                {"id": "s3", "title": "Notes only"}]})"));
        ASSERT_TRUE(m_document.load(path).empty());
        m_view.resize(300, 400);
        m_view.show();
        settle();
    }

    QTreeWidgetItem *row(std::uint32_t source) const
    {
        return m_view.itemFor({ItemKind::Source, source});
    }

    QTemporaryDir m_dir;
    Document m_document;
    Selection m_selection;
    CatalogView m_view {&m_document, &m_selection};
};

} // namespace

TEST_F(CatalogViewTest, ASourceWithoutArchivedCopyIsMarkedAndOnlyThen)
{
    ASSERT_TRUE(row(0) && row(1) && row(2));
    for (const std::uint32_t source : {0u, 2u}) {
        EXPECT_TRUE(isMarked(row(source))) << source;
        EXPECT_TRUE(drawsSomething(row(source))) << source;
        EXPECT_TRUE(row(source)->toolTip(0).startsWith(QStringLiteral("No archived copy")));
        EXPECT_EQ(row(source)->data(0, Qt::AccessibleDescriptionRole).toString(),
                  QStringLiteral("no archived copy"));
    }
    EXPECT_FALSE(isMarked(row(1)));
    EXPECT_FALSE(drawsSomething(row(1))); // a blank of the same size: titles stay aligned
    EXPECT_TRUE(row(1)->toolTip(0).isEmpty());
    EXPECT_FALSE(row(1)->data(0, Qt::AccessibleDescriptionRole).isValid());
    // Parties and the rest carry no such mark.
    for (int i = 0; i < m_view.topLevelItemCount(); ++i)
        EXPECT_FALSE(isMarked(m_view.topLevelItem(i)));

    const QString dir = qEnvironmentVariable("CLAIMLINE_SHOTS_DIR", QDir::tempPath());
    m_view.expandAll();
    settle();
    m_view.grab().save(QDir(dir).filePath(QStringLiteral("catalog-archive-light.png")));
    m_view.setPalette(test::darkPalette());
    settle();
    m_view.grab().save(QDir(dir).filePath(QStringLiteral("catalog-archive-dark.png")));
}

TEST_F(CatalogViewTest, TheMarkFollowsTheArchiveUrlThroughEditsAndUndo)
{
    Source after = m_document.project().sources()[0];
    after.archiveUrl = m_document.addText(QStringLiteral("https://archive.ph/xyz"));
    m_document.edit(0, after, QStringLiteral("Change archive URL"));
    settle();
    EXPECT_FALSE(isMarked(row(0)));
    EXPECT_FALSE(drawsSomething(row(0)));
    m_document.undoStack()->undo();
    settle();
    EXPECT_TRUE(isMarked(row(0)));
    EXPECT_TRUE(drawsSomething(row(0)));
}
