#pragma once

// PartyMappingPage: the import wizard's third step. Each actor or side name the files give,
// with how many rows name it (most first) and the party it becomes, chosen in the row's
// "Becomes" cell (F2, a double click or typing opens the list) or for several selected names
// at once; a filter box finds a name in a long list. Preset from the project's remembered
// party map (PartyMappingModel); the map it makes is stored in the project by the import.

#include <QWizardPage>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace claimline {

class ImportWizard;
class PartyMap;
class PartyMappingModel;

class PartyMappingPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit PartyMappingPage(ImportWizard *wizard);
    ~PartyMappingPage() override;

    void initializePage() override;

    PartyMappingModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    // The map the import is given (only what differs from what it would do unasked).
    PartyMap partyMap() const;
    // Gives every selected name the target chosen in the "Selected names become" box.
    void applyToSelection();
    QComboBox *selectionTargetCombo() const { return m_selectionTarget; }
    // "14 party names: 2 go to parties the project has; 12 new parties."
    QString summaryText() const;

private:
    void updateSelectionTargets();
    void updateSummary();

    ImportWizard *m_wizard = nullptr;
    PartyMappingModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QComboBox *m_selectionTarget = nullptr;
    QPushButton *m_apply = nullptr;
    // What the model was built from: the survey (PreviewPage::surveyCount()) and the target
    // (ImportWizard::Target); a change of either builds it again.
    int m_builtForSurvey = -1;
    int m_builtForTarget = -1;
};

} // namespace claimline
