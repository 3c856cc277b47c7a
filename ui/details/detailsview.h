#pragma once

// DetailsView: the details of the selected item (event, claim, party, actor, source or
// question), read-only, for the Details dock.
//
// File content is untrusted, so the view shows plain text only: a read-only QPlainTextEdit
// that never interprets markup, with every file string passed through visibleText(). Headings
// are set apart with the font (bold, larger), never with HTML, and no colour is fixed, so the
// text follows the palette in light and dark mode. The text is built by DetailsText.
//
// It observes the shared Selection and the Document and rebuilds at most once per turn of
// the event loop: a burst of selection changes or edits costs one rebuild.

#include <QTimeZone>
#include <QWidget>

class QPlainTextEdit;
class QTimer;

namespace claimline {

class Document;
class Selection;

class DetailsView final : public QWidget
{
    Q_OBJECT

public:
    DetailsView(Document *document, Selection *selection, QWidget *parent = nullptr);
    ~DetailsView() override;

    // The zone times of day are shown in (default UTC; calendar days are never shifted).
    QTimeZone timeZone() const { return m_zone; }
    void setTimeZone(const QTimeZone &zone);

    // What the view shows, as plain text (for tests and copying).
    QString text() const;
    // How many times the text was rebuilt (for tests of the coalescing).
    int refreshCount() const { return m_refreshCount; }

    QSize sizeHint() const override;

private:
    void scheduleRefresh();
    void refresh();

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QTimeZone m_zone = QTimeZone::utc();
    int m_refreshCount = 0;
};

} // namespace claimline
