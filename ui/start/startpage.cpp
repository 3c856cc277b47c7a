#include "start/startpage.h"

#include "text/visibletext.h"

#include <QCommandLinkButton>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace claimline {

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QCommandLinkButton *link(const QString &name, const QString &text, const QString &description,
                         QWidget *parent)
{
    auto *button = new QCommandLinkButton(text, description, parent);
    button->setObjectName(name);
    // As tall as its description needs at the width it gets (else a long one is cut).
    QSizePolicy policy = button->sizePolicy();
    policy.setHeightForWidth(true);
    button->setSizePolicy(policy);
    return button;
}

// A file name as a button's text: controls and bidi overrides shown, "&" not a mnemonic.
QString buttonText(const QString &text)
{
    QString shown = visibleText(text);
    shown.replace(QLatin1Char('&'), QStringLiteral("&&"));
    return shown;
}

} // namespace

StartPage::StartPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));
    // The page sits where the views are, on their background.
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    // The centre of the window is as small as the docks leave it: scroll rather than clip.
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setBackgroundRole(QPalette::Base);
    outer->addWidget(scroll);

    auto *page = new QWidget(scroll);
    page->setBackgroundRole(QPalette::Base);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(32, 24, 32, 24);
    // As wide as the centre allows up to a readable measure, and centred beyond it.
    auto *content = new QWidget(page);
    content->setMaximumWidth(900);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(content, 100);
    row->addStretch(1);
    pageLayout->addStretch(1);
    pageLayout->addLayout(row);
    pageLayout->addStretch(2);
    scroll->setWidget(page);

    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(40);
    grid->setVerticalSpacing(6);
    m_title = new QLabel(tr("Claimline"), content);
    m_title->setTextFormat(Qt::PlainText);
    grid->addWidget(m_title, 0, 0, 1, 2);
    auto *intro = new QLabel(tr("Lay out a contested sequence of events on a timeline and "
                                "compare what each side claimed about it, when, and who "
                                "answered."),
                             content);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);
    grid->addWidget(intro, 1, 0, 1, 2);
    grid->setRowMinimumHeight(2, 16);

    // Start: the ways in.
    grid->addWidget(heading(tr("Start"), content), 3, 0);
    auto *start = new QVBoxLayout;
    start->setSpacing(2);
    m_sample = link(QStringLiteral("openSampleButton"), tr("Open the Sample"),
                    tr("The alleged drone strike on the Russian presidential residence in "
                       "Novgorod region, December 2025: the events, each side's claims and "
                       "who answered whom."),
                    content);
    connect(m_sample, &QCommandLinkButton::clicked, this,
            [this] { Q_EMIT openFileRequested(m_samplePath); });
    start->addWidget(m_sample);
    QCommandLinkButton *open
        = link(QStringLiteral("openButton"), tr("Open…"),
               tr("A Claimline project (.claimline) on this computer."), content);
    connect(open, &QCommandLinkButton::clicked, this, &StartPage::openRequested);
    start->addWidget(open);
    QCommandLinkButton *blank = link(
        QStringLiteral("newProjectButton"), tr("New Project"),
        tr("An empty project: add the parties, the events and the claims about them."), content);
    connect(blank, &QCommandLinkButton::clicked, this, &StartPage::newProjectRequested);
    start->addWidget(blank);
    QCommandLinkButton *import
        = link(QStringLiteral("importButton"), tr("Import a Dataset…"),
               tr("Events from ACLED or UCDP GED files (CSV) into a new project."), content);
    connect(import, &QCommandLinkButton::clicked, this, &StartPage::importRequested);
    start->addWidget(import);
    start->addStretch(1);
    grid->addLayout(start, 4, 0);

    // Recent: one button per file, as File ▸ Open Recent lists them.
    grid->addWidget(heading(tr("Recent Projects"), content), 3, 1);
    m_recentLayout = new QVBoxLayout;
    m_recentLayout->setSpacing(2);
    m_noRecent = new QLabel(tr("The projects you open will be listed here."), content);
    m_noRecent->setObjectName(QStringLiteral("noRecentFilesLabel"));
    m_noRecent->setTextFormat(Qt::PlainText);
    m_noRecent->setWordWrap(true);
    m_noRecent->setForegroundRole(QPalette::PlaceholderText);
    m_recentLayout->addWidget(m_noRecent);
    m_recentLayout->addStretch(1);
    grid->addLayout(m_recentLayout, 4, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    updateFonts();
    setSamplePath({});
}

void StartPage::setSamplePath(const QString &path)
{
    m_samplePath = path;
    m_sample->setVisible(!path.isEmpty() && QFileInfo(path).isFile());
    m_sample->setToolTip(visibleText(QDir::toNativeSeparators(path)));
}

void StartPage::setRecentFiles(const QStringList &paths)
{
    if (paths == m_recentFiles && m_recentButtons.size() == paths.size())
        return;
    m_recentFiles = paths;
    // Later: this may run from one of these buttons' own click.
    for (QCommandLinkButton *button : std::as_const(m_recentButtons)) {
        button->hide();
        button->deleteLater();
    }
    m_recentButtons.clear();
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const QString path = paths.at(i);
        const QFileInfo info(path);
        auto *button = link(QStringLiteral("recentFileButton"), buttonText(info.fileName()),
                            visibleText(QDir::toNativeSeparators(info.absolutePath())),
                            m_noRecent->parentWidget());
        button->setProperty("path", path);
        button->setToolTip(visibleText(QDir::toNativeSeparators(path)));
        connect(button, &QCommandLinkButton::clicked, this,
                [this, path] { Q_EMIT openFileRequested(path); });
        // After the label, before the stretch.
        m_recentLayout->insertWidget(int(i) + 1, button);
        m_recentButtons << button;
    }
    m_noRecent->setVisible(paths.isEmpty());
}

void StartPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateFonts();
}

void StartPage::updateFonts()
{
    // The title twice the size of the text, whatever the desktop's font is.
    QFont title = font();
    title.setPointSizeF(title.pointSizeF() * 2);
    title.setBold(true);
    m_title->setFont(title);
}

} // namespace claimline
