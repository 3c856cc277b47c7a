#pragma once

// StartStack: the centre of the main window. While no project is open (at start, after
// File ▸ Close) it shows the StartPage instead of an empty timeline at an arbitrary month; once
// a project is open, or the user chose New Project, it shows the views, with a hint over an
// empty project's timeline saying how to add the first event. It decides from the Document
// alone, plus whether the empty project was asked for (New) or is what is left (Close).

#include <QStackedWidget>

class QLabel;

namespace claimline {

class Document;
class StartPage;

class StartStack final : public QStackedWidget
{
    Q_OBJECT

public:
    // `content` is shown when a project is open; the hint is laid over `hintTarget` (one of
    // its children, the timeline) while the project has no event and no claim.
    StartStack(Document *document, QWidget *content, QWidget *hintTarget,
               QWidget *parent = nullptr);

    StartPage *startPage() const { return m_startPage; }
    bool isShowingStartPage() const;
    // The hint over an empty project's timeline (its text says how to add an event).
    QLabel *hint() const { return m_hint; }
    bool isShowingHint() const;
    void setHintText(const QString &text);

    // True after New Project: the empty project is wanted, show the timeline and the hint.
    // False after Close: nothing is open, show the start page.
    void setBlankByChoice(bool chosen);

Q_SIGNALS:
    // The start page came into view (the window refreshes its recent files).
    void startPageShown();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updatePage();
    void placeHint();
    void guardDoubleClick();

    Document *m_document = nullptr;
    StartPage *m_startPage = nullptr;
    QWidget *m_content = nullptr;
    QWidget *m_hintTarget = nullptr;
    QLabel *m_hint = nullptr;
    bool m_blankByChoice = false;
    bool m_guardingDoubleClick = false;
};

} // namespace claimline
