#pragma once

// FilterPanel: the Filter dock. Every criterion of the shared Filter as a control: parties
// (with their colours), statuses, stances, questions, tags, a date range in UTC days, a
// source reliability threshold, the analyst's stars and annotations (LayerFilter) and a text
// query, plus "Reset filters".
//
// Each checkable section narrows to one row in one gesture ("only" on the hovered row,
// Alt+click, the row's context menu) and has "All" / "None" buttons (CheckList, CheckGroup,
// SectionHeader); such a change of many rows reaches the Filter as one change, so the views
// recompute once.
//
// Two-way: a control changes the Filter, and a change of the Filter from elsewhere (a saved
// view, a menu) shows in the controls; a guard flag keeps the two from feeding each other.
// Typing in the text field reaches the Filter 150 ms after the last key (Enter at once), so
// a fast typist costs one recomputation of the views, not one per key. The lists of parties,
// tags and questions are rebuilt when the Document is replaced; the tags' counts and the date
// range follow deletions by the items that went (FilterFacts) and edits once per turn. File
// text is shown as plain text, with hidden characters made visible.

#include "present/filterfacts.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QPushButton;
class QTimer;
class QVBoxLayout;

namespace claimline {

class CheckGroup;
class CheckList;
class Document;
class Filter;
class LayerFilter;
class SectionHeader;

class FilterPanel final : public QWidget
{
    Q_OBJECT

public:
    FilterPanel(Document *document, Filter *filter, QWidget *parent = nullptr);
    ~FilterPanel() override;

    // "Reset filters", for menus and toolbars; enabled while there is something to reset.
    QAction *resetAction() const { return m_resetAction; }

    // The text query waits this long after the last key before it reaches the Filter.
    static constexpr int TextDelayMs = 150;

    QSize sizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    // Building the sections (filterpanelsections.cpp).
    void updateOutlineContrast();
    QWidget *createContent();
    SectionHeader *addSectionHeader(QVBoxLayout *layout, QWidget *content, const QString &title);
    void addPartySection(QVBoxLayout *layout, QWidget *content);
    void addStatusAndStanceSections(QVBoxLayout *layout, QWidget *content);
    void addQuestionAndTagSections(QVBoxLayout *layout, QWidget *content);
    void addDateSection(QVBoxLayout *layout, QWidget *content);
    void addReliabilitySection(QVBoxLayout *layout, QWidget *content);
    void addLayerSection(QVBoxLayout *layout, QWidget *content);

    // Following the project and the Filter, and the user's changes (filterpanel.cpp).
    void rebuildLists();
    void followStructure(const StructureChange &change);
    // The tags and the date range from m_facts.
    void showFacts();
    void syncFromFilter();
    void partiesChanged();
    void statusesChanged();
    void stancesChanged();
    void tagsChanged();
    void questionsChanged();
    void datesChanged();
    void reliabilityChanged(int index);
    void pushText();
    void reset();

    Document *m_document = nullptr;
    Filter *m_filter = nullptr;
    FilterFacts m_facts;
    QTimer *m_factsTimer = nullptr;
    // Set while the controls are being made to show the Filter: their change signals must
    // not be taken for the user's.
    bool m_syncing = false;
    // The text query as this panel last gave it to the Filter: a different query in the
    // Filter was set from elsewhere and replaces what is in the field.
    QString m_pushedText;

    QLineEdit *m_text = nullptr;
    QTimer *m_textTimer = nullptr;
    QPushButton *m_resetButton = nullptr;
    QAction *m_resetAction = nullptr;
    CheckList *m_parties = nullptr;
    CheckGroup *m_statuses = nullptr; // box index = Status
    CheckGroup *m_stances = nullptr; // box index = stance - 1; "No stance" last
    CheckList *m_questions = nullptr;
    CheckList *m_tags = nullptr;
    QCheckBox *m_fromAny = nullptr;
    QCheckBox *m_toAny = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_reliability = nullptr;
    LayerFilter *m_layer = nullptr;
};

} // namespace claimline
