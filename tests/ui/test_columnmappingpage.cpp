// The import wizard's column step, driven offscreen on a real-looking Russian-language
// spreadsheet of strikes on Kyiv (dates written two ways, a party column naming two parties in
// some rows) and on a Ukrainian one whose every date reads both day first and month first: the
// guessed mapping, the preview's cells as the project shows them, the date format changing
// them, the ambiguity warning, Next waiting for a title column, Save Mapping and Load Mapping
// through a file, the mapping remembered for the next file with the same columns, and the
// whole wizard importing the file into a new project.

#include "document/document.h"
#include "import/columnmappingpage.h"
#include "import/filespage.h"
#include "import/importreportpage.h"
#include "import/importrunpage.h"
#include "import/importwizard.h"
#include "import/mappingpreviewmodel.h"
#include "import/partymappingmodel.h"
#include "import/partymappingpage.h"
#include "import/previewpage.h"
#include "model/project.h"
#include "testproject.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <memory>

using namespace claimline;

namespace {

using Role = ColumnMappingPage::Role;

QString kyivStrikes()
{
    return QStringLiteral(CLAIMLINE_SOURCE_DIR "/tests/core/data/import/csv/kyiv-strikes.csv");
}

QString ambiguousDates()
{
    return QStringLiteral(CLAIMLINE_SOURCE_DIR
                          "/tests/ui/fixtures/import/kherson-ambiguous-dates.csv");
}

// The data rows of the Kyiv file: its lines but the header (no cell of it spans lines).
int kyivRows()
{
    const QList<QByteArray> lines = test::readBytes(kyivStrikes()).trimmed().split('\n');
    return int(lines.size()) - 1;
}

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

// Chooses the list item whose data (the column's name) is `column`; empty: none.
void choose(QComboBox *combo, const QString &column)
{
    const int index = combo->findData(column);
    ASSERT_GE(index, 0) << column.toStdString();
    combo->setCurrentIndex(index);
}

class ColumnMappingPageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        test::keepSettingsIn(m_dir.path());
        QSettings().clear();
        qputenv("CLAIMLINE_RECOVERY_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("r"))));
    }
    void TearDown() override { qunsetenv("CLAIMLINE_RECOVERY_DIR"); }

    // A wizard over `files` into a new project (nothing is open), on its first step.
    std::unique_ptr<ImportWizard> openWizard(const QStringList &files)
    {
        auto wizard = std::make_unique<ImportWizard>(&m_document, false, files);
        wizard->show();
        QCoreApplication::processEvents();
        return wizard;
    }

    static void clickNext(ImportWizard *wizard)
    {
        QAbstractButton *next = wizard->button(
            wizard->currentPage()->isCommitPage() ? QWizard::CommitButton : QWizard::NextButton);
        ASSERT_TRUE(next->isEnabled());
        next->click();
        QCoreApplication::processEvents();
    }

    // From the files step to the column step.
    static ColumnMappingPage *goToColumns(ImportWizard *wizard)
    {
        clickNext(wizard);
        EXPECT_EQ(wizard->currentId(), ImportWizard::ColumnsPageId);
        return wizard->columnsPage();
    }

    QTemporaryDir m_dir;
    Document m_document;
};

} // namespace

TEST_F(ColumnMappingPageTest, ACsvOfNoKnownFormatGoesToTheColumnStepWithAGuessedMapping)
{
    const auto wizard = openWizard({kyivStrikes()});
    // The files step says what will happen instead of refusing the file.
    auto *list = wizard->filesPage()->findChild<QTreeWidget *>(QStringLiteral("importFileList"));
    ASSERT_EQ(list->topLevelItemCount(), 1);
    EXPECT_EQ(list->topLevelItem(0)->text(2), QStringLiteral("CSV with a column mapping"));
    const auto *note
        = wizard->filesPage()->findChild<QLabel *>(QStringLiteral("detectionProblems"));
    EXPECT_TRUE(note->isVisibleTo(wizard.get()));
    EXPECT_EQ(note->text(),
              QStringLiteral("kyiv-strikes.csv: Not a format Claimline knows by its "
                             "columns: map the columns yourself on the next page."));
    EXPECT_EQ(wizard->format(), ImportFormat::Csv);

    ColumnMappingPage *page = goToColumns(wizard.get());
    // The guess, from the Russian column names and the values.
    const ColumnMapping mapping = page->mapping();
    EXPECT_EQ(mapping.date, "Дата");
    EXPECT_EQ(mapping.dateOrder, DateOrder::DayFirst);
    EXPECT_EQ(mapping.title, "Событие");
    EXPECT_EQ(mapping.party, "Сторона");
    EXPECT_EQ(mapping.partySeparator, ';');
    EXPECT_EQ(mapping.summary, "Описание");
    EXPECT_EQ(mapping.sourceUrl, "Источник");
    EXPECT_EQ(mapping.latitude, "lat");
    EXPECT_EQ(mapping.longitude, "lon");
    EXPECT_TRUE(mapping.endDate.empty());
    // The lists show it: the column's name, "(none)" first.
    EXPECT_EQ(page->columnCombo(Role::Title)->currentText(), QStringLiteral("Событие"));
    EXPECT_EQ(page->columnCombo(Role::EndDate)->currentText(), QStringLiteral("(none)"));
    EXPECT_EQ(page->columnCombo(Role::EndDate)->itemText(0), QStringLiteral("(none)"));
    EXPECT_EQ(page->dateFormatCombo()->currentText(), QStringLiteral("Day first (16/02/2023)"));
    EXPECT_TRUE(page->presetText().startsWith(QStringLiteral("Guessed")));

    // The preview: the first rows as the project shows them, both ways of writing the date.
    const MappingPreviewModel *preview = page->previewModel();
    ASSERT_EQ(preview->rowCount(), kyivRows());
    ASSERT_GE(kyivRows(), 19);
    EXPECT_EQ(cell(preview, 0, MappingPreviewModel::LineColumn), QStringLiteral("2"));
    EXPECT_EQ(cell(preview, 0, MappingPreviewModel::WhenColumn), QStringLiteral("10 Oct 2022"));
    EXPECT_EQ(cell(preview, 0, MappingPreviewModel::TitleColumn),
              QStringLiteral("Ракетный удар по центру Киева"));
    EXPECT_EQ(cell(preview, 0, MappingPreviewModel::PartiesColumn),
              QStringLiteral("Вооружённые силы России"));
    EXPECT_EQ(cell(preview, 1, MappingPreviewModel::WhenColumn), QStringLiteral("17 Oct 2022"));
    EXPECT_EQ(cell(preview, 3, MappingPreviewModel::WhenColumn), QStringLiteral("15 Nov 2022"));
    // Two parties in one cell, split at the semicolon.
    EXPECT_EQ(cell(preview, 4, MappingPreviewModel::PartiesColumn),
              QStringLiteral("Вооружённые силы России · ПВО Украины"));
    EXPECT_EQ(preview->refusedRows(), 0);
    EXPECT_EQ(page->dateWarning(), QString());
    EXPECT_EQ(page->statusText(),
              QStringLiteral("The first %1 rows read as shown.").arg(kyivRows()));
    EXPECT_TRUE(wizard->button(QWizard::NextButton)->isEnabled());
    wizard->reject();
}

TEST_F(ColumnMappingPageTest, TheDateFormatChangesThePreviewAndRowsThatNoLongerReadSayWhy)
{
    const auto wizard = openWizard({kyivStrikes()});
    ColumnMappingPage *page = goToColumns(wizard.get());
    const MappingPreviewModel *preview = page->previewModel();
    ASSERT_EQ(cell(preview, 0, MappingPreviewModel::WhenColumn), QStringLiteral("10 Oct 2022"));

    QComboBox *format = page->dateFormatCombo();
    format->setCurrentIndex(format->findData(int(DateOrder::MonthFirst)));
    EXPECT_EQ(page->mapping().dateOrder, DateOrder::MonthFirst);
    // "10.10.2022" reads either way; "01.06.2023" is now 6 January; "17.10.2022" is no day
    // month first, and says so; an ISO date reads whatever the order.
    EXPECT_EQ(cell(preview, 0, MappingPreviewModel::WhenColumn), QStringLiteral("10 Oct 2022"));
    EXPECT_EQ(cell(preview, 15, MappingPreviewModel::WhenColumn), QStringLiteral("6 Jan 2023"));
    EXPECT_EQ(cell(preview, 1, MappingPreviewModel::WhenColumn), QString());
    EXPECT_EQ(cell(preview, 1, MappingPreviewModel::TitleColumn), QString());
    EXPECT_TRUE(cell(preview, 1, MappingPreviewModel::ProblemColumn)
                    .contains(QStringLiteral("\"17.10.2022\"")))
        << cell(preview, 1, MappingPreviewModel::ProblemColumn).toStdString();
    EXPECT_EQ(cell(preview, 3, MappingPreviewModel::WhenColumn), QStringLiteral("15 Nov 2022"));
    EXPECT_GT(preview->refusedRows(), 0);
    // The warning counts what does not read, and the line under the preview says where to look.
    EXPECT_EQ(page->dateWarning(),
              QStringLiteral("%1 of the first %2 dates do not read as days in this format.")
                  .arg(preview->refusedRows())
                  .arg(kyivRows()));
    EXPECT_TRUE(page->dateWarningLabel()->isVisibleTo(wizard.get()));
    EXPECT_TRUE(page->statusText().contains(QStringLiteral("would be refused")));

    // Back to day first: every row reads again, the warning goes.
    format->setCurrentIndex(format->findData(int(DateOrder::DayFirst)));
    EXPECT_EQ(preview->refusedRows(), 0);
    EXPECT_EQ(cell(preview, 15, MappingPreviewModel::WhenColumn), QStringLiteral("1 Jun 2023"));
    EXPECT_FALSE(page->dateWarningLabel()->isVisibleTo(wizard.get()));
    wizard->reject();
}

TEST_F(ColumnMappingPageTest, TheAmbiguityWarningShowsOnlyWhenBothOrdersFitEveryDate)
{
    const auto wizard = openWizard({ambiguousDates()});
    ColumnMappingPage *page = goToColumns(wizard.get());
    EXPECT_EQ(page->mapping().date, "Дата");
    EXPECT_EQ(page->mapping().title, "Подія");
    EXPECT_EQ(page->dateWarning(),
              QStringLiteral("Both day-first and month-first readings fit every date in the "
                             "first rows, e.g. “03/04/2023”: choose the one the file uses."));
    EXPECT_TRUE(page->dateWarningLabel()->isVisibleTo(wizard.get()));
    // Either reading is a choice the person can make: Next is not held back by the warning.
    EXPECT_TRUE(wizard->button(QWizard::NextButton)->isEnabled());
    QComboBox *format = page->dateFormatCombo();
    format->setCurrentIndex(format->findData(int(DateOrder::DayFirst)));
    EXPECT_EQ(cell(page->previewModel(), 0, MappingPreviewModel::WhenColumn),
              QStringLiteral("3 Apr 2023"));
    format->setCurrentIndex(format->findData(int(DateOrder::MonthFirst)));
    EXPECT_EQ(cell(page->previewModel(), 0, MappingPreviewModel::WhenColumn),
              QStringLiteral("4 Mar 2023"));
    // ISO reads none of them: the warning says both things.
    format->setCurrentIndex(format->findData(int(DateOrder::Iso)));
    EXPECT_TRUE(page->dateWarning().startsWith(QStringLiteral("Both day-first")));
    EXPECT_TRUE(page->dateWarning().endsWith(
        QStringLiteral("4 of the first 4 dates do not read as days in this format.")))
        << page->dateWarning().toStdString();
    wizard->reject();

    // The Kyiv file has days past the 12th: it is not ambiguous, and no warning shows.
    const auto kyiv = openWizard({kyivStrikes()});
    page = goToColumns(kyiv.get());
    EXPECT_EQ(page->dateWarning(), QString());
    EXPECT_FALSE(page->dateWarningLabel()->isVisibleTo(kyiv.get()));
    kyiv->reject();
}

TEST_F(ColumnMappingPageTest, NextWaitsForADateAndATitleColumn)
{
    const auto wizard = openWizard({kyivStrikes()});
    ColumnMappingPage *page = goToColumns(wizard.get());
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    ASSERT_TRUE(next->isEnabled());
    choose(page->columnCombo(Role::Title), QString());
    EXPECT_FALSE(page->isComplete());
    EXPECT_FALSE(next->isEnabled());
    EXPECT_EQ(page->statusText(),
              QStringLiteral("Choose the column with each event's date and the one with its "
                             "title: every event needs both."));
    choose(page->columnCombo(Role::Title), QStringLiteral("Описание"));
    EXPECT_TRUE(next->isEnabled());
    // The summary column as the title: the preview shows it at once.
    EXPECT_EQ(cell(page->previewModel(), 7, MappingPreviewModel::TitleColumn),
              QStringLiteral("Удар по гостинице в центре, пострадали журналисты."));
    choose(page->columnCombo(Role::Date), QString());
    EXPECT_FALSE(next->isEnabled());
    wizard->reject();
}

TEST_F(ColumnMappingPageTest, SaveMappingAndLoadMappingGoThroughAFile)
{
    const auto wizard = openWizard({kyivStrikes()});
    ColumnMappingPage *page = goToColumns(wizard.get());
    // A choice of the person's: the district is the place, the date month first.
    choose(page->columnCombo(Role::Place), QStringLiteral("Район"));
    page->dateFormatCombo()->setCurrentIndex(
        page->dateFormatCombo()->findData(int(DateOrder::MonthFirst)));
    const ColumnMapping saved = page->mapping();
    const QString file = m_dir.filePath(QStringLiteral("kyiv-mapping.json"));
    QString suggested;
    page->setSavePathFunction([&](const QString &path) {
        suggested = path;
        return file;
    });
    page->saveMapping();
    EXPECT_EQ(QFileInfo(suggested).fileName(), QStringLiteral("kyiv-strikes-mapping.json"));
    ASSERT_TRUE(QFileInfo::exists(file));

    // Everything changed back, then loaded from the file.
    choose(page->columnCombo(Role::Place), QString());
    choose(page->columnCombo(Role::Party), QString());
    page->dateFormatCombo()->setCurrentIndex(
        page->dateFormatCombo()->findData(int(DateOrder::DayFirst)));
    ASSERT_NE(page->mapping(), saved);
    page->setLoadPathFunction([&](const QString &) { return file; });
    page->loadMapping();
    EXPECT_EQ(page->mapping(), saved);
    EXPECT_EQ(page->columnCombo(Role::Place)->currentText(), QStringLiteral("Район"));
    EXPECT_EQ(page->presetText(), QStringLiteral("Set from “kyiv-mapping.json”."));
    EXPECT_EQ(page->findChildren<QMessageBox *>().size(), 0);

    // A file that is not a mapping: a message names the file and the problem; nothing changes.
    const QString bad = m_dir.filePath(QStringLiteral("not-a-mapping.json"));
    ASSERT_TRUE(test::writeFile(bad, "{\"format\": \"something else\"}"));
    page->setLoadPathFunction([&](const QString &) { return bad; });
    page->loadMapping();
    QCoreApplication::processEvents();
    const auto boxes = page->findChildren<QMessageBox *>(QStringLiteral("mappingFileProblem"));
    ASSERT_EQ(boxes.size(), 1);
    EXPECT_TRUE(boxes.front()->text().startsWith(
        QStringLiteral("“not-a-mapping.json” cannot be read as a column mapping: ")))
        << boxes.front()->text().toStdString();
    EXPECT_EQ(page->mapping(), saved);
    boxes.front()->close();

    // Saving where no file can be written says so too.
    page->setSavePathFunction(
        [&](const QString &) { return m_dir.filePath(QStringLiteral("no/such/folder/m.json")); });
    page->saveMapping();
    QCoreApplication::processEvents();
    const auto unsaved = page->findChildren<QMessageBox *>(QStringLiteral("mappingFileProblem"));
    ASSERT_EQ(unsaved.size(), 1);
    EXPECT_TRUE(unsaved.front()->text().startsWith(
        QStringLiteral("The mapping was not saved to “m.json”: ")))
        << unsaved.front()->text().toStdString();
    unsaved.front()->close();
    wizard->reject();
}

TEST_F(ColumnMappingPageTest, TheWholeWizardImportsTheSpreadsheetAndRemembersTheMapping)
{
    auto wizard = openWizard({kyivStrikes()});
    Project kept;
    bool handedOver = false;
    wizard->setNewProjectFunction([&](Project &project) {
        kept = std::move(project);
        handedOver = true;
        return true;
    });
    ColumnMappingPage *page = goToColumns(wizard.get());
    // The person adds the district as the place.
    choose(page->columnCombo(Role::Place), QStringLiteral("Район"));
    const ColumnMapping chosen = page->mapping();

    clickNext(wizard.get());
    ASSERT_EQ(wizard->currentId(), ImportWizard::PreviewPageId);
    ASSERT_TRUE(QTest::qWaitFor([&] { return wizard->previewPage()->isComplete(); }, 20000));
    EXPECT_TRUE(wizard->previewPage()->statusText().startsWith(
        QStringLiteral("CSV with a column mapping: %1 rows, none of them refused").arg(kyivRows())))
        << wizard->previewPage()->statusText().toStdString();
    const QStandardItemModel *preview = wizard->previewPage()->model();
    EXPECT_EQ(preview->item(0, 2)->text(), QStringLiteral("Ракетный удар по центру Киева"));
    EXPECT_EQ(preview->item(0, 4)->text(), QStringLiteral("Шевченковский"));

    clickNext(wizard.get());
    ASSERT_EQ(wizard->currentId(), ImportWizard::MappingPageId);
    const PartyMappingModel *parties = wizard->mappingPage()->model();
    ASSERT_EQ(parties->rowCount(), 2);
    EXPECT_EQ(parties->name(0), QStringLiteral("Вооружённые силы России"));
    EXPECT_EQ(parties->name(1), QStringLiteral("ПВО Украины"));

    clickNext(wizard.get());
    ASSERT_EQ(wizard->currentId(), ImportWizard::RunPageId);
    clickNext(wizard.get()); // Import
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return wizard->currentId() == ImportWizard::ReportPageId; }, 20000));
    EXPECT_EQ(wizard->reportPage()->summaryText(),
              QStringLiteral("%1 events added.\n2 new parties: Вооружённые силы России, ПВО "
                             "Украины.")
                  .arg(kyivRows()));
    wizard->button(QWizard::FinishButton)->click();
    QCoreApplication::processEvents();
    ASSERT_TRUE(handedOver);

    // The project: every row an event, Cyrillic titles and party names whole.
    ASSERT_EQ(kept.events().size(), std::size_t(kyivRows()));
    const Event &first = kept.events().front();
    EXPECT_EQ(kept.text(first.title), QStringLiteral("Ракетный удар по центру Киева"));
    ASSERT_EQ(kept.parties().size(), 2U);
    EXPECT_EQ(kept.text(kept.parties()[0].name), QStringLiteral("Вооружённые силы России"));
    const auto firstParties = kept.indices(first.parties);
    ASSERT_EQ(firstParties.size(), 1U);
    EXPECT_EQ(kept.text(kept.parties()[firstParties[0]].name),
              QStringLiteral("Вооружённые силы России"));

    // The next file with these columns starts from the mapping the import used.
    wizard.reset();
    wizard = openWizard({kyivStrikes()});
    page = goToColumns(wizard.get());
    EXPECT_EQ(page->mapping(), chosen);
    EXPECT_EQ(page->columnCombo(Role::Place)->currentText(), QStringLiteral("Район"));
    EXPECT_EQ(page->presetText(),
              QStringLiteral("Set as you mapped the last file with these columns."));
    // Stored under the header's signature, as JSON.
    const QString stored
        = QSettings().value(ColumnMappingPage::settingsKey(page->sample().header)).toString();
    EXPECT_TRUE(stored.contains(QStringLiteral("claimline-column-mapping")));
    // A file of other columns is guessed afresh.
    wizard.reset();
    wizard = openWizard({ambiguousDates()});
    page = goToColumns(wizard.get());
    EXPECT_TRUE(page->presetText().startsWith(QStringLiteral("Guessed")));
    wizard->reject();
}

// The Alt+letter of each button and labelled field on a page, with the wizard's own buttons.
QStringList mnemonics(ImportWizard *wizard, QWidget *page)
{
    QStringList letters;
    const auto add = [&letters](const QString &text) {
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text[i] != u'&')
                continue;
            if (text[i + 1] != u'&')
                letters << text.mid(i + 1, 1).toLower();
            ++i;
        }
    };
    for (const QAbstractButton *button : page->findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(wizard))
            add(button->text());
    }
    for (const QLabel *label : page->findChildren<QLabel *>()) {
        if (label->buddy() && label->isVisibleTo(wizard))
            add(label->text());
    }
    for (const QWizard::WizardButton which : {QWizard::BackButton, QWizard::NextButton}) {
        if (wizard->button(which)->isVisible())
            add(wizard->button(which)->text());
    }
    return letters;
}

TEST_F(ColumnMappingPageTest, EveryAltLetterOfTheFilesAndColumnStepsIsItsOwn)
{
    // Two fields of one letter take two presses, the first only moving the focus: Alt+N on
    // the files step went to "A new project" instead of Next.
    const auto wizard = openWizard({kyivStrikes()});
    {
        // Add Files, Add Folder, Remove, Read as, the two targets and Next (no Back there).
        QStringList letters = mnemonics(wizard.get(), wizard->filesPage());
        EXPECT_EQ(letters.size(), 7) << letters.join(u' ').toStdString();
        letters.removeDuplicates();
        EXPECT_EQ(letters.size(), 7) << letters.join(u' ').toStdString();
    }
    ColumnMappingPage *page = goToColumns(wizard.get());
    QStringList letters = mnemonics(wizard.get(), page);
    const qsizetype all = letters.size();
    // A list per role, the date format and the party separator, Load and Save, Back and Next.
    EXPECT_EQ(all, ColumnMappingPage::RoleCount + 2 + 2 + 2) << letters.join(u' ').toStdString();
    letters.removeDuplicates();
    EXPECT_EQ(letters.size(), all) << letters.join(u' ').toStdString();
    wizard->reject();
}

TEST(MappingPreviewModel, PassesTheModelTesterAndShowsRefusedRowsWithTheirReason)
{
    MappingPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ImportPreviewRow good;
    good.line = 2;
    good.when = QStringLiteral("10 Oct 2022");
    good.title = QStringLiteral("Ракетный удар\u202E по центру");
    good.parties = {QStringLiteral("A"), QStringLiteral("B")};
    ImportPreviewRow refused;
    refused.line = 3;
    refused.problem = QStringLiteral("date \"17.10.2022\" is not a day month first");
    model.setRows({good, refused});
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.columnCount(), 6);
    EXPECT_EQ(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Line"));
    EXPECT_EQ(model.headerData(5, Qt::Horizontal).toString(), QStringLiteral("Problem"));
    // File text shows its bidi override, never obeys it.
    EXPECT_EQ(model.index(0, MappingPreviewModel::TitleColumn).data().toString(),
              QStringLiteral("Ракетный удар⟨U+202E⟩ по центру"));
    EXPECT_EQ(model.index(0, MappingPreviewModel::PartiesColumn).data().toString(),
              QStringLiteral("A · B"));
    EXPECT_EQ(model.index(1, MappingPreviewModel::ProblemColumn).data().toString(),
              refused.problem);
    EXPECT_FALSE(
        model.index(1, MappingPreviewModel::ProblemColumn).data(Qt::DecorationRole).isNull());
    EXPECT_TRUE(
        model.index(0, MappingPreviewModel::ProblemColumn).data(Qt::DecorationRole).isNull());
    EXPECT_EQ(model.refusedRows(), 1);
    model.setRows({});
    EXPECT_EQ(model.rowCount(), 0);
}
