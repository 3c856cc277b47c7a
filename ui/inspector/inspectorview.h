#pragma once

// InspectorView: edits the selected event or claim, for the Inspector dock.
//
// Every change goes through the Document's undo commands: typing in a field is committed as
// you type and consecutive keystrokes in one field merge into one undo step ("Change title of
// ‘Lavrov: 91 drones’"). A fuzzy time is typed as EDTF; the field shows its human reading
// live ("29 Dec 2025, 03:00 UTC") or what is wrong with it ("month 13 … is out of range"),
// and an invalid time is never written into the model. Changing the status asks for an
// optional reason and adds to the item's status history, which is listed below. With several
// items selected the status applies to all of them as one undo step.
//
// It observes the shared Selection and the Document, and never talks to another view. File
// text is shown as plain text (line edits and plain-text edits), and an edit made elsewhere
// (an undo) updates the fields without moving the cursor in the one being typed in.

#include "model.h"

#include <QTimeZone>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimer;

namespace claimline {

class Document;
class Selection;

class InspectorView final : public QWidget
{
    Q_OBJECT

public:
    InspectorView(Document *document, Selection *selection, QWidget *parent = nullptr);
    ~InspectorView() override;

    void setTimeZone(const QTimeZone &zone);

    // The item being edited (the selection's current event or claim), or an invalid ref.
    ItemRef item() const { return m_item; }

    // Asks for the reason of a status change; returns false when the user cancels. Tests
    // replace it (the default shows an input dialog).
    using AskReason = std::function<bool(const QString &question, QString *reason)>;
    void setAskReason(AskReason ask) { m_askReason = std::move(ask); }

    QSize sizeHint() const override;

private:
    void scheduleRefresh();
    void refresh();
    void fillEvent(std::uint32_t index);
    void fillClaim(std::uint32_t index);
    void showHistory(IndexRange history);
    // Writes `text` into the field unless it already holds it (keeps the cursor while typing).
    static void setFieldText(QLineEdit *edit, const QString &text);
    static void setFieldText(QPlainTextEdit *edit, const QString &text);
    // The reading or the error of an EDTF field, shown under it; returns the parsed time.
    std::optional<FuzzyTime> checkTime(QLineEdit *edit, QLabel *reading, bool allowEmpty);

    void commitEventText(int field);
    void commitEventWhen();
    void commitClaimText(int field);
    void commitClaimMadeAt();
    void commitStance();
    void commitStatus(int comboIndex);

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QTimeZone m_zone = QTimeZone::utc();
    ItemRef m_item;
    bool m_updating = false; // filling the fields: their signals are not edits
    AskReason m_askReason;

    QFormLayout *m_form = nullptr;
    QLabel *m_heading = nullptr;
    // Event page.
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QLineEdit *m_when = nullptr;
    QLabel *m_whenReading = nullptr;
    QWidget *m_whenBox = nullptr;
    QLineEdit *m_location = nullptr;
    QLineEdit *m_tags = nullptr;
    // Claim page.
    QPlainTextEdit *m_statement = nullptr;
    QPlainTextEdit *m_quote = nullptr;
    QLineEdit *m_madeAt = nullptr;
    QLabel *m_madeAtReading = nullptr;
    QWidget *m_madeAtBox = nullptr;
    QComboBox *m_stance = nullptr;
    QLabel *m_claimant = nullptr;
    // Both.
    QComboBox *m_status = nullptr;
    QLabel *m_history = nullptr;
};

} // namespace claimline
