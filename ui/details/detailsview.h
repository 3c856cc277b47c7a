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
//
// Source links: the "Open Link" button lists the links of the item shown (its cited sources,
// or a source's own address and archive copy). Choosing one opens it through the LinkOpener
// (common/linkopener.h): only when linkpolicy.h allows it (http or https with a host), and
// only after the user has seen the whole address and agreed; any other link is refused with
// the reason.

#include <QTimeZone>
#include <QWidget>

#include <memory>

class QMenu;
class QPlainTextEdit;
class QTimer;
class QToolButton;

namespace claimline {

class Document;
class LinkOpener;
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

    // The links of the item shown, as (label, link text from the file), in the button's order.
    QList<std::pair<QString, QString>> links() const { return m_links; }
    // Asks to open the link at `index` of links(): checks it, asks the user, opens it.
    // Returns whether it was opened.
    bool openLink(int index);
    // What checks, confirms and opens the links (tests replace its handlers).
    LinkOpener &linkOpener() const { return *m_linkOpener; }

private:
    void updateLinks();
    void scheduleRefresh();
    void refresh();

    Document *m_document = nullptr;
    Selection *m_selection = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QToolButton *m_linkButton = nullptr;
    QMenu *m_linkMenu = nullptr;
    QList<std::pair<QString, QString>> m_links;
    std::unique_ptr<LinkOpener> m_linkOpener;
    QTimer *m_refreshTimer = nullptr;
    QTimeZone m_zone = QTimeZone::utc();
    int m_refreshCount = 0;
};

} // namespace claimline
