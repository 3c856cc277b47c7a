#include "inspector/sourceform.h"

#include "common/linkopener.h"
#include "document/document.h"
#include "inspector/attachmenteditor.h"
#include "inspector/inspectorfields.h"
#include "text/linkpolicy.h"
#include "text/visibletext.h"

#include <spdlog/spdlog.h>

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QToolButton>

#include <algorithm>

namespace claimline {

using namespace inspector;

SourceForm::SourceForm(Document *document, const LinkOpener *linkOpener, QWidget *parent)
    : InspectorForm(document, ItemKind::Source, parent)
    , m_linkOpener(linkOpener)
{
    Q_ASSERT(linkOpener);
    m_title = lineEdit("inspectorSourceTitle");
    addRow(tr("&Title:"), m_title);
    m_outlet = lineEdit("inspectorOutlet");
    addRow(tr("&Outlet:"), m_outlet);

    // Each address with its actions beside it. The opening itself, with its check and the
    // user's yes, is the LinkOpener's, as Details' Open Link is.
    m_url = addAddressRow(tr("&URL:"), "inspectorUrl");
    m_openLink = named(new QAction(tr("Open Link"), this), "inspectorOpenLink");
    m_openLink->setToolTip(tr("Open this address in the browser (http and https only; the "
                              "address is shown first)"));
    m_waybackLookup
        = named(new QAction(tr("Look Up in the Wayback Machine"), this), "inspectorWaybackLookup");
    m_waybackLookup->setToolTip(
        tr("Open the Wayback Machine's list of the archived copies of this address"));
    auto *urlMenu = new QMenu(m_url.button);
    urlMenu->addAction(m_openLink);
    urlMenu->addAction(m_waybackLookup);
    m_url.button->setMenu(urlMenu);
    m_url.button->setPopupMode(QToolButton::MenuButtonPopup);
    m_url.button->setDefaultAction(m_openLink);

    m_archiveUrl = addAddressRow(tr("Arc&hive URL:"), "inspectorArchiveUrl");
    m_archiveUrl.edit->setToolTip(tr("Where an archived copy of the source is kept (the "
                                     "Wayback Machine, archive.today…)"));
    m_openArchive = named(new QAction(tr("Open Archived Copy"), this), "inspectorOpenArchive");
    m_openArchive->setToolTip(tr("Open the archived copy in the browser (http and https only; "
                                 "the address is shown first)"));
    m_archiveUrl.button->setDefaultAction(m_openArchive);
    // The buttons say "Open"; their tooltips and accessible names say what opens.
    for (QAction *action : {m_openLink, m_openArchive})
        action->setIconText(tr("Open"));
    m_url.button->setAccessibleName(m_openLink->text());
    m_archiveUrl.button->setAccessibleName(m_openArchive->text());
    // One width for both buttons (the URL's has the menu arrow): the two address fields line up.
    const int buttonWidth
        = std::max(m_url.button->sizeHint().width(), m_archiveUrl.button->sizeHint().width());
    m_url.button->setFixedWidth(buttonWidth);
    m_archiveUrl.button->setFixedWidth(buttonWidth);

    m_published = addTimeRow(tr("&Published:"), "inspectorPublished",
                             tr("EDTF, e.g. 2025-12-31; empty if unknown"), true);
    m_accessed = addTimeRow(tr("Accesse&d:"), "inspectorAccessed",
                            tr("EDTF, e.g. 2026-01-02; empty if not recorded"), true);
    m_language = addLanguageRow(tr("Lan&guage:"), "inspectorLanguage");
    m_reliability = combo("inspectorReliability");
    m_reliability->addItem(reliabilityLabel(0));
    for (const char grade : Reliabilities)
        m_reliability->addItem(reliabilityLabel(grade));
    addRow(tr("R&eliability:"), m_reliability);
    // The files the source rests on, pinned by their hash (evidence/, README "Evidence").
    m_attachments = new AttachmentEditor(document, linkOpener, this);
    addRow(tr("E&vidence:"), m_attachments);
    addTagsRow(tr("T&ags:"));
    m_notes = plainEdit("inspectorSourceNotes", 4);
    m_notes->setPlaceholderText(tr("Internal: never exported"));
    addRow(tr("&Notes:"), m_notes);

    connect(m_title, &QLineEdit::textEdited, this, [this] {
        commitTextField(&Source::title, m_title->text(), tr("Change title of %1"),
                        Document::Field::Title, Naming::IdFollows);
    });
    connect(m_outlet, &QLineEdit::textEdited, this, [this] {
        commitTextField(&Source::outlet, m_outlet->text(), tr("Change outlet of %1"),
                        Document::Field::Outlet);
    });
    connect(m_published.edit, &QLineEdit::editingFinished, this, &SourceForm::commitPublished);
    connect(m_accessed.edit, &QLineEdit::editingFinished, this, &SourceForm::commitAccessed);
    connect(m_language.edit, &QLineEdit::editingFinished, this, &SourceForm::commitSourceLanguage);
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        commitTextField(&Source::notes, m_notes->toPlainText(), tr("Change notes of %1"),
                        Document::Field::Notes);
    });
    connect(m_reliability, &QComboBox::activated, this, &SourceForm::commitReliability);
    connect(m_openLink, &QAction::triggered, this, [this] {
        spdlog::info("inspector: open a source's link");
        m_linkOpener->open(m_url.edit->text(), this);
    });
    connect(m_waybackLookup, &QAction::triggered, this, [this] {
        spdlog::info("inspector: look up a source's link in the Wayback Machine");
        m_linkOpener->openWaybackLookup(m_url.edit->text(), this);
    });
    connect(m_openArchive, &QAction::triggered, this, [this] {
        spdlog::info("inspector: open a source's archived copy");
        m_linkOpener->open(m_archiveUrl.edit->text(), this);
    });
    updateActions();
}

SourceForm::AddressField SourceForm::addAddressRow(const QString &text, const char *name)
{
    const QByteArray base(name);
    AddressField field;
    field.edit = lineEdit(name, Commit::WhenLeft);
    field.edit->setPlaceholderText(tr("https://…"));
    field.note = noteLabel(QByteArray(base + "Note").constData());
    field.note->hide();
    field.button = named(new QToolButton(this), QByteArray(base + "Actions").constData());
    field.button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *line = new QWidget(this);
    auto *layout = new QHBoxLayout(line);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field.edit, 1);
    layout->addWidget(field.button);
    addRow(text, fieldBox(line, field.note), field.edit);
    connect(field.edit, &QLineEdit::textEdited, this, [this, field] { checkAddress(field); });
    connect(field.edit, &QLineEdit::textChanged, this, &SourceForm::updateActions);
    connect(field.edit, &QLineEdit::editingFinished, this, [this, field] { commitAddress(field); });
    return field;
}

QString SourceForm::heading() const
{
    return tr("Source %1").arg(visibleText(project().text(project().sources()[index()].id)));
}

void SourceForm::flushFields()
{
    if (index() == NoIndex)
        return;
    for (const AddressField &field : {m_url, m_archiveUrl}) {
        if (field.edit->isModified())
            commitAddress(field);
    }
    if (m_published.edit->isModified())
        commitPublished();
    if (m_accessed.edit->isModified())
        commitAccessed();
    if (m_language.edit->isModified())
        commitSourceLanguage();
}

void SourceForm::fill()
{
    const Project &project = this->project();
    const Source &source = project.sources()[index()];
    setFieldText(m_title, project.text(source.title));
    setFieldText(m_outlet, project.text(source.outlet));
    fillAddress(m_url, source.url);
    fillAddress(m_archiveUrl, source.archiveUrl);
    fillTime(m_published, source.published);
    fillTime(m_accessed, source.accessed);
    fillLanguage(m_language, source.language);
    const auto grade = std::find(Reliabilities.begin(), Reliabilities.end(), source.reliability);
    m_reliability->setCurrentIndex(
        grade == Reliabilities.end() ? 0 : int(std::distance(Reliabilities.begin(), grade)) + 1);
    setFieldText(m_notes, project.text(source.notes));
    m_attachments->setSource(index());
    updateActions();
}

void SourceForm::fillAddress(const AddressField &field, TextRef address)
{
    if (fillField(field.edit, address))
        checkAddress(field);
}

bool SourceForm::checkAddress(const AddressField &field)
{
    const QString text = field.edit->text().trimmed();
    if (text.isEmpty())
        return showCheck(field.note, {});
    const LinkCheck check = checkLink(text);
    // What opens is what the user must see: an address with look-alike letters or hidden
    // characters is shown as it will be opened.
    return showCheck(field.note, check.allowed ? QString() : check.reason,
                     check.allowed && check.shown != text ? tr("Opens as %1").arg(check.shown)
                                                          : QString());
}

void SourceForm::updateActions()
{
    // What the field shows is what opens (checked then): typing not yet committed too.
    const bool url = !m_url.edit->text().trimmed().isEmpty();
    m_openLink->setEnabled(url);
    m_waybackLookup->setEnabled(url);
    m_openArchive->setEnabled(!m_archiveUrl.edit->text().trimmed().isEmpty());
}

// Editing: each commit builds the source's new value from the current one (new text through
// the Document's append-only pool); the source changes only through Document::edit().

void SourceForm::commitAddress(const AddressField &field)
{
    if (!isEditing())
        return;
    if (!checkAddress(field))
        return; // shown inline, never written
    field.edit->setModified(false);
    const bool archive = field.edit == m_archiveUrl.edit;
    commitTextField(archive ? &Source::archiveUrl : &Source::url, field.edit->text().trimmed(),
                    archive ? tr("Change archive URL of %1") : tr("Change URL of %1"),
                    archive ? Document::Field::ArchiveUrl : Document::Field::Url);
}

void SourceForm::commitPublished()
{
    commitTime(m_published, &Source::published, tr("Change publication date of %1"),
               Document::Field::Published);
}

void SourceForm::commitAccessed()
{
    commitTime(m_accessed, &Source::accessed, tr("Change access date of %1"),
               Document::Field::Accessed);
}

void SourceForm::commitSourceLanguage()
{
    commitLanguage(m_language, &Source::language, tr("Change language of %1"),
                   Document::Field::Language);
}

void SourceForm::commitReliability(int comboIndex)
{
    if (!isEditing() || comboIndex < 0 || comboIndex > int(Reliabilities.size()))
        return;
    Source after = project().sources()[index()];
    after.reliability = comboIndex == 0 ? char(0) : Reliabilities[std::size_t(comboIndex - 1)];
    const QString name = document()->quotedName(item());
    document()->edit(
        index(), after,
        comboIndex == 0
            ? tr("Remove reliability of %1").arg(name)
            : tr("Set reliability of %1 to %2").arg(name, QChar::fromLatin1(after.reliability)));
}

} // namespace claimline
