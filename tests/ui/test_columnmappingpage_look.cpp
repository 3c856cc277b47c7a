// The column step as a person sees it, at the wizard's own size, on the Russian-language Kyiv
// spreadsheet and on the Ukrainian one whose dates read both ways: every list and its label
// whole, the warning shown whole, the preview's rows in view with their columns inside the
// table; in the light and the dark theme, the pictures saved for a person to look at
// ($CLAIMLINE_SHOTS_DIR, else the temporary folder).

#include "document/document.h"
#include "import/columnmappingpage.h"
#include "import/importwizard.h"
#include "import/mappingpreviewmodel.h"
#include "testsupport.h"
#include "theme/thememanager.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTableView>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using namespace claimline;

namespace {

QString shotPath(const QString &name)
{
    const QString dir = qEnvironmentVariable("CLAIMLINE_SHOTS_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

// A widget lies inside the page, at its size hint or wider: nothing cut at the right or below.
void expectWhole(const QWidget *widget, const QWidget *page)
{
    const QRect inPage(widget->mapTo(page, QPoint(0, 0)), widget->size());
    EXPECT_TRUE(page->rect().contains(inPage)) << widget->objectName().toStdString();
    EXPECT_GE(widget->width(), widget->minimumSizeHint().width())
        << widget->objectName().toStdString();
}

// The list's field shows the whole text of each of its items (`all`), or of the current one.
void expectItemsWhole(const QComboBox *combo, bool all)
{
    QStyleOptionComboBox option;
    option.initFrom(combo);
    option.frame = true;
    const QRect field = combo->style()->subControlRect(QStyle::CC_ComboBox, &option,
                                                       QStyle::SC_ComboBoxEditField, combo);
    const int first = all ? 0 : combo->currentIndex();
    const int end = all ? combo->count() : first + 1;
    for (int i = first; i < end; ++i)
        EXPECT_GE(field.width(), combo->fontMetrics().horizontalAdvance(combo->itemText(i)))
            << combo->itemText(i).toStdString();
}

// A label shows all its text: as tall as its text needs at its width.
void expectTextWhole(const QLabel *label)
{
    ASSERT_TRUE(label->wordWrap());
    EXPECT_GE(label->height(), label->heightForWidth(label->width()))
        << label->text().toStdString();
}

class ColumnMappingLookTest : public ::testing::TestWithParam<bool>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        test::keepSettingsIn(m_dir.path());
        qputenv("CLAIMLINE_RECOVERY_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("r"))));
        ThemeManager::apply(GetParam() ? ThemeManager::Theme::Dark : ThemeManager::Theme::Light);
    }
    void TearDown() override
    {
        ThemeManager::apply(ThemeManager::Theme::System);
        qunsetenv("CLAIMLINE_RECOVERY_DIR");
    }

    QString theme() const { return GetParam() ? QStringLiteral("dark") : QStringLiteral("light"); }

    // The wizard at its own size on the column step of `file`.
    std::unique_ptr<ImportWizard> columnStep(const QString &file)
    {
        auto wizard = std::make_unique<ImportWizard>(&m_document, false, QStringList {file});
        wizard->show();
        QCoreApplication::processEvents();
        wizard->button(QWizard::NextButton)->click();
        QCoreApplication::processEvents();
        EXPECT_EQ(wizard->currentId(), ImportWizard::ColumnsPageId);
        return wizard;
    }

    void shoot(ImportWizard *wizard, const QString &name)
    {
        QCoreApplication::processEvents();
        EXPECT_TRUE(wizard->grab().save(
            shotPath(QStringLiteral("wizard-columns-%1-%2.png").arg(name, theme()))));
    }

    QTemporaryDir m_dir;
    Document m_document;
};

} // namespace

// As in test_importwizard_look.cpp: under LeakSanitizer the dark Fusion drawing of the files
// step's radio buttons reports their label strings as leaked (not understood yet); the dark
// look is checked in every other build.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CLAIMLINE_LSAN_DARK_LOOK_SKIP 1
#endif
#endif

TEST_P(ColumnMappingLookTest, TheColumnStepReadsAtTheWizardsSize)
{
#ifdef CLAIMLINE_LSAN_DARK_LOOK_SKIP
    if (GetParam())
        GTEST_SKIP() << "dark look under LeakSanitizer: see test_importwizard_look.cpp";
#endif
    const auto wizard = columnStep(
        QStringLiteral(CLAIMLINE_SOURCE_DIR "/tests/core/data/import/csv/kyiv-strikes.csv"));
    ColumnMappingPage *page = wizard->columnsPage();
    EXPECT_LE(wizard->minimumSizeHint().width(), wizard->width());
    EXPECT_LE(wizard->minimumSizeHint().height(), wizard->height());
    // Every list and every label of the form whole.
    for (int role = 0; role < ColumnMappingPage::RoleCount; ++role) {
        expectWhole(page->columnCombo(ColumnMappingPage::Role(role)), page);
        expectItemsWhole(page->columnCombo(ColumnMappingPage::Role(role)), false);
    }
    expectWhole(page->dateFormatCombo(), page);
    expectItemsWhole(page->dateFormatCombo(), true);
    expectWhole(page->separatorCombo(), page);
    expectItemsWhole(page->separatorCombo(), true);
    for (const QFormLayout *form : page->findChildren<QFormLayout *>()) {
        for (int row = 0; row < form->rowCount(); ++row) {
            const QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
            if (const auto *label = item ? qobject_cast<QLabel *>(item->widget()) : nullptr) {
                expectWhole(label, page);
                EXPECT_GE(label->width(), label->sizeHint().width()) << label->text().toStdString();
            }
        }
    }
    // The preview: a dozen rows in view, every column inside the table, the title readable.
    const QTableView *table = page->previewTable();
    // QTableView's sizeHintForColumn() is protected; the view's is not.
    const QAbstractItemView *view = table;
    const int columns = table->model()->columnCount();
    EXPECT_LE(table->columnViewportPosition(columns - 1) + table->columnWidth(columns - 1),
              table->viewport()->width() + 1);
    EXPECT_GE(table->columnWidth(MappingPreviewModel::TitleColumn), 160);
    // The line and the date whole, whatever the table's width was when the rows came.
    for (const int column :
         {int(MappingPreviewModel::LineColumn), int(MappingPreviewModel::WhenColumn)})
        EXPECT_GE(table->columnWidth(column), view->sizeHintForColumn(column)) << column;
    EXPECT_LE(table->rowViewportPosition(7) + table->rowHeight(7), table->viewport()->height());
    expectTextWhole(page->findChild<QLabel *>(QStringLiteral("mappingStatus")));
    shoot(wizard.get(), QStringLiteral("1-kyiv"));

    // Month first: rows refused with their reason, and the warning under the lists.
    page->dateFormatCombo()->setCurrentIndex(
        page->dateFormatCombo()->findData(int(DateOrder::MonthFirst)));
    QCoreApplication::processEvents();
    ASSERT_TRUE(page->dateWarningLabel()->isVisible());
    expectWhole(page->dateWarningLabel(), page);
    expectTextWhole(page->dateWarningLabel());
    EXPECT_LE(table->rowViewportPosition(5) + table->rowHeight(5), table->viewport()->height());
    // A refused row's reason is whole in its column: wrapped, its row as tall as it needs.
    const int refusedRow = 1;
    ASSERT_FALSE(page->previewModel()->rows()[refusedRow].problem.isEmpty());
    const QString reason = page->previewModel()->rows()[refusedRow].problem;
    const int reasonWidth = table->columnWidth(MappingPreviewModel::ProblemColumn);
    const QRect needed = table->fontMetrics().boundingRect(QRect(0, 0, reasonWidth - 36, 1000),
                                                           Qt::TextWordWrap, reason);
    EXPECT_GE(table->rowHeight(refusedRow), needed.height()) << reason.toStdString();
    EXPECT_LE(table->columnViewportPosition(columns - 1) + table->columnWidth(columns - 1),
              table->viewport()->width() + 1);
    EXPECT_GE(table->columnWidth(MappingPreviewModel::TitleColumn), 160);
    shoot(wizard.get(), QStringLiteral("2-kyiv-month-first"));
    wizard->reject();

    // Dates that read both ways: the ambiguity warning, whole.
    const auto ambiguous = columnStep(QStringLiteral(
        CLAIMLINE_SOURCE_DIR "/tests/ui/fixtures/import/kherson-ambiguous-dates.csv"));
    page = ambiguous->columnsPage();
    QCoreApplication::processEvents();
    ASSERT_TRUE(page->dateWarningLabel()->isVisible());
    expectWhole(page->dateWarningLabel(), page);
    expectTextWhole(page->dateWarningLabel());
    shoot(ambiguous.get(), QStringLiteral("3-ambiguous"));
    ambiguous->reject();
}

INSTANTIATE_TEST_SUITE_P(Themes, ColumnMappingLookTest, ::testing::Values(false, true),
                         [](const auto &info) { return info.param ? "Dark" : "Light"; });
