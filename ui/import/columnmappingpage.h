#pragma once

// ColumnMappingPage: the import wizard's column step, for CSV files of no format Claimline
// knows by its columns. One list per role (date, end date, title, party, summary, source URL,
// place, coordinates, id) naming the file's columns, preset from the mapping remembered for
// this header (the settings, by headerSignature()) or else guessed from the names and values
// (guessMapping()); how the date's numbers are ordered, with a warning when the first rows
// read both day first and month first or some of them do not read; and a live preview of the
// first 50 rows as the mapping reads them, a refused row with its reason. The sample is held,
// so every change previews at once. Next waits for a date and a title column and a mapping
// the file's header can be read by. A mapping can be saved as a file (for `claimline import
// --mapping FILE`) and loaded from one; it is remembered for the next file with the same
// columns when the import runs.
//
// Column names and values are file text: shown as plain text, controls made visible.

#include "import/mapping/columnmapping.h"

#include <QStringList>
#include <QWizardPage>

#include <array>
#include <functional>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QTableView;

namespace claimline {

class ImportWizard;
class MappingPreviewModel;

class ColumnMappingPage final : public QWizardPage
{
    Q_OBJECT

public:
    // The roles a column can have.
    enum class Role {
        Date,
        EndDate,
        Id,
        Title,
        Summary,
        Party,
        SourceUrl,
        Place,
        Latitude,
        Longitude,
        Coordinates
    };
    static constexpr int RoleCount = 11;

    explicit ColumnMappingPage(ImportWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

    // The mapping the lists show, for the header of the first file read through it.
    ColumnMapping mapping() const;
    // Shows `mapping` in the lists (a column the file does not have shows as none).
    void setMapping(const ColumnMapping &mapping);
    // The first file's header and rows, as the preview reads them.
    const CsvSample &sample() const { return m_sample; }

    QComboBox *columnCombo(Role role) const { return m_columns[std::size_t(role)]; }
    QComboBox *dateFormatCombo() const { return m_dateOrder; }
    QComboBox *separatorCombo() const { return m_separator; }
    // The warning under the date's lists; empty when none shows.
    QString dateWarning() const;
    QLabel *dateWarningLabel() const { return m_dateWarning; }
    // Under the preview: why Next waits, or how the rows read.
    QString statusText() const;
    // Where the preset came from: remembered, guessed or loaded.
    QString presetText() const;
    MappingPreviewModel *previewModel() const { return m_preview; }
    QTableView *previewTable() const { return m_table; }

    // Save Mapping… and Load Mapping…: ask for a file (a file dialog, or the functions below),
    // then write or read it; a problem shows in a message box naming the file.
    void saveMapping();
    void loadMapping();
    using PathFunction = std::function<QString(const QString &suggested)>;
    void setSavePathFunction(PathFunction choose) { m_chooseSavePath = std::move(choose); }
    void setLoadPathFunction(PathFunction choose) { m_chooseLoadPath = std::move(choose); }

    // Stores the mapping in the settings, for the next file with this header.
    void rememberMapping() const;
    // The settings key a header's mapping is remembered under: "import/mappings/<signature>".
    static QString settingsKey(const std::vector<std::string> &header);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Preset { Remembered, Guessed, Loaded };
    void readFiles();
    void fillLists();
    void showPreset(Preset preset, const QString &file = {});
    void mappingChanged();
    void fitColumns();
    void updateDateWarning(const ColumnMapping &mapping);
    void updateStatus(const ColumnMapping &mapping);
    void showFileProblem(const QString &title, const QString &text);

    ImportWizard *m_wizard = nullptr;
    std::array<QComboBox *, RoleCount> m_columns {};
    QComboBox *m_dateOrder = nullptr;
    QComboBox *m_separator = nullptr;
    QLabel *m_preset = nullptr;
    QLabel *m_dateWarningIcon = nullptr;
    QLabel *m_dateWarning = nullptr;
    MappingPreviewModel *m_preview = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_status = nullptr;
    PathFunction m_chooseSavePath;
    PathFunction m_chooseLoadPath;

    // The files the sample and headers were read from (a change reads them again).
    QStringList m_files;
    CsvSample m_sample;
    // The other files read through the mapping, with their headers: each must fit it too.
    std::vector<std::pair<QString, std::vector<std::string>>> m_otherHeaders;
    QString m_otherProblem; // why one of them does not fit, or empty
    bool m_complete = false;
};

} // namespace claimline
