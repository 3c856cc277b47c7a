#pragma once

// InspectorView: edits the selected item, whatever its kind, for the Inspector dock.
//
// Event: title, summary, time (EDTF), location, parties, kind, tags, cited sources with
// excerpts, status. Claim: claimant, time said, the event it is about, question, stance,
// statement, quote, sources, credibility, status. Party: name, short name, colour, kind.
// Actor: name, role, party, anonymous, collective. Source: title, outlet, URL, published,
// reliability. Question: its text. One form; the rows of other kinds are hidden.
//
// Every change goes through the Document's undo commands: typing in a field is committed as
// you type and consecutive keystrokes in one field merge into one undo step ("Change name of
// ‘Russia’"); picking from a combo or ticking a box is one step. A fuzzy time is typed as
// EDTF; the field shows its human reading live ("29 Dec 2025, 03:00 UTC") or what is wrong
// with it, and an invalid time, an unsafe URL or an event without parties is shown inline and
// never written into the model. Changing the status asks for an optional reason and adds to
// the item's status history, which is listed below. With several items selected the status
// applies to all of them as one undo step.
//
// It observes the shared Selection and the Document, and never talks to another view. File
// text is shown as plain text (line edits and plain-text edits), and an edit made elsewhere
// (an undo) updates the fields without moving the cursor in the one being typed in.

#include "colorbutton.h"
#include "model.h"

#include <QStringList>
#include <QTimeZone>
#include <QWidget>

#include <array>
#include <functional>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QTimer;

namespace claimline {

class CitationEditor;
class Document;
class EventPicker;
class Selection;
struct StructureChange;

class InspectorView final : public QWidget
{
    Q_OBJECT

public:
    InspectorView(Document *document, Selection *selection, QWidget *parent = nullptr);
    ~InspectorView() override;

    void setTimeZone(const QTimeZone &zone);

    // The item being edited (the selection's current item), or an invalid ref.
    ItemRef item() const { return m_item; }

    // Asks for the reason of a status change; returns false when the user cancels. Tests
    // replace it (the default shows an input dialog).
    using AskReason = std::function<bool(const QString &question, QString *reason)>;
    void setAskReason(AskReason ask) { m_askReason = std::move(ask); }
    // Asks for a party's colour (the default shows a QColorDialog).
    void setChooseColor(ColorButton::ChooseColor choose);

    QSize sizeHint() const override;

private:
    void scheduleRefresh();
    void refresh();
    void followStructure(const StructureChange &change);
    void showRows(ItemKind kind, bool any);
    void fillEvent(std::uint32_t index);
    void fillClaim(std::uint32_t index);
    void fillParty(std::uint32_t index);
    void fillActor(std::uint32_t index);
    void fillSource(std::uint32_t index);
    void fillQuestion(std::uint32_t index);
    void fillPartyChoices(QComboBox *combo, QStringList *shown, const QString &none);
    void fillEventParties(const Event &event);
    void fillKinds(std::uint32_t current);
    void showHistory(IndexRange history);
    // Commits what is typed in a field that commits when it is left, before the item changes.
    void flushPending();
    // Writes `text` into the field unless it already holds it (keeps the cursor while typing).
    static void setFieldText(QLineEdit *edit, const QString &text);
    static void setFieldText(QPlainTextEdit *edit, const QString &text);
    // Whether a fill may overwrite a field that commits when it is left: not while it holds
    // typing not yet committed (or refused), unless the item changed.
    bool mayOverwrite(const QLineEdit *field) const;
    // The reading or the error of an EDTF field, shown under it; returns the parsed time.
    std::optional<FuzzyTime> checkTime(QLineEdit *edit, QLabel *reading, bool allowEmpty);
    // Shows a problem under a field (in a red that reads on the palette), or a plain note.
    void showProblem(QLabel *label, const QString &text);
    void showNote(QLabel *label, const QString &text);
    // Whether the URL field holds an address that may be saved; shows why not.
    bool checkUrl();

    void commitEventText(int field);
    void commitEventWhen();
    void commitEventParty(QListWidgetItem *row);
    void commitEventKind();
    void commitCitations(const std::vector<Citation> &citations, int change, std::uint32_t source);
    void commitClaimText(int field);
    void commitClaimMadeAt();
    void commitClaimant(int comboIndex);
    void commitAbout(std::uint32_t event);
    void commitQuestion(int comboIndex);
    void commitStance();
    void commitCredibility(int comboIndex);
    void commitStatus(int comboIndex);
    void commitName();
    void commitPartyText(int field);
    void commitPartyColor(const QColor &color);
    void commitPartyKind(int comboIndex);
    void commitActorText();
    void commitActorParty(int comboIndex);
    void commitActorFlag(int flag);
    void commitSourceText(int field);
    void commitSourceUrl();
    void commitSourcePublished();
    void commitReliability(int comboIndex);
    void commitQuestionText();

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QTimeZone m_zone = QTimeZone::utc();
    ItemRef m_item;
    bool m_updating = false; // filling the fields: their signals are not edits
    bool m_newItem = false; // filling the fields of another item than before
    AskReason m_askReason;
    // The event kinds in use (word indices, by spelling), gathered once per project shape.
    std::vector<std::uint32_t> m_kinds;
    bool m_kindsValid = false;
    // What the choice lists show, to refill them only when a name changed.
    QStringList m_partyNames, m_kindNames, m_claimantNames, m_questionNames, m_actorPartyNames;
    std::vector<Speaker> m_claimants;

    // The form's rows for each kind of item (a row may be in two kinds' lists), in order.
    struct Row
    {
        QLabel *label = nullptr;
        QWidget *field = nullptr;
    };
    std::array<std::vector<Row>, ItemKindNames.size()> m_rows;
    int m_shownKind = -2; // the ItemKind whose rows the form holds; -1 for none
    QFormLayout *m_form = nullptr;
    QLabel *m_heading = nullptr;
    // Event page.
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QLineEdit *m_when = nullptr;
    QLabel *m_whenReading = nullptr;
    QWidget *m_whenBox = nullptr;
    QLineEdit *m_location = nullptr;
    QListWidget *m_parties = nullptr;
    QLabel *m_partiesNote = nullptr;
    QWidget *m_partiesBox = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_tags = nullptr;
    // Claim page.
    QComboBox *m_claimant = nullptr;
    QLineEdit *m_madeAt = nullptr;
    QLabel *m_madeAtReading = nullptr;
    QWidget *m_madeAtBox = nullptr;
    EventPicker *m_about = nullptr;
    QComboBox *m_question = nullptr;
    QComboBox *m_stance = nullptr;
    QPlainTextEdit *m_statement = nullptr;
    QPlainTextEdit *m_quote = nullptr;
    QComboBox *m_credibility = nullptr;
    // Events and claims.
    CitationEditor *m_citations = nullptr;
    QComboBox *m_status = nullptr;
    QLabel *m_history = nullptr;
    // Party and actor page.
    QLineEdit *m_name = nullptr;
    QLineEdit *m_shortName = nullptr;
    ColorButton *m_color = nullptr;
    QWidget *m_colorBox = nullptr;
    QComboBox *m_partyKind = nullptr;
    QLineEdit *m_role = nullptr;
    QComboBox *m_actorParty = nullptr;
    QCheckBox *m_anonymous = nullptr;
    QCheckBox *m_collective = nullptr;
    // Source page.
    QLineEdit *m_sourceTitle = nullptr;
    QLineEdit *m_outlet = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_urlNote = nullptr;
    QWidget *m_urlBox = nullptr;
    QLineEdit *m_published = nullptr;
    QLabel *m_publishedReading = nullptr;
    QWidget *m_publishedBox = nullptr;
    QComboBox *m_reliability = nullptr;
    // Question page.
    QPlainTextEdit *m_questionText = nullptr;
};

} // namespace claimline
