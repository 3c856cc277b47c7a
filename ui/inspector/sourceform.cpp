#include "inspector/sourceform.h"

#include "document/document.h"
#include "inspector/inspectorfields.h"
#include "text/linkpolicy.h"
#include "text/visibletext.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>

#include <algorithm>

namespace claimline {

using namespace inspector;

SourceForm::SourceForm(Document *document, QWidget *parent)
    : InspectorForm(document, ItemKind::Source, parent)
{
    m_title = lineEdit("inspectorSourceTitle");
    addRow(tr("&Title:"), m_title);
    m_outlet = lineEdit("inspectorOutlet");
    addRow(tr("&Outlet:"), m_outlet);
    m_url = lineEdit("inspectorUrl", Commit::WhenLeft);
    m_url->setPlaceholderText(tr("https://…"));
    m_urlNote = noteLabel("inspectorUrlNote");
    m_urlNote->hide();
    addRow(tr("&URL:"), fieldBox(m_url, m_urlNote), m_url);
    m_published = addTimeRow(tr("&Published:"), "inspectorPublished",
                             tr("EDTF, e.g. 2025-12-31; empty if unknown"), true);
    m_reliability = combo("inspectorReliability");
    m_reliability->addItem(reliabilityLabel(0));
    for (const char grade : Reliabilities)
        m_reliability->addItem(reliabilityLabel(grade));
    addRow(tr("R&eliability:"), m_reliability);

    connect(m_title, &QLineEdit::textEdited, this, &SourceForm::commitTitle);
    connect(m_outlet, &QLineEdit::textEdited, this, &SourceForm::commitOutlet);
    connect(m_url, &QLineEdit::textEdited, this, &SourceForm::checkUrl);
    connect(m_url, &QLineEdit::editingFinished, this, &SourceForm::commitUrl);
    connect(m_published.edit, &QLineEdit::editingFinished, this, &SourceForm::commitPublished);
    connect(m_reliability, &QComboBox::activated, this, &SourceForm::commitReliability);
}

QString SourceForm::heading() const
{
    return tr("Source %1").arg(visibleText(project().text(project().sources()[index()].id)));
}

void SourceForm::flushPending()
{
    if (index() == NoIndex)
        return;
    if (m_url->isModified())
        commitUrl();
    if (m_published.edit->isModified())
        commitPublished();
}

void SourceForm::fill()
{
    const Project &project = this->project();
    const Source &source = project.sources()[index()];
    setFieldText(m_title, project.text(source.title));
    setFieldText(m_outlet, project.text(source.outlet));
    if (mayOverwrite(m_url)) {
        setFieldText(m_url, project.text(source.url));
        checkUrl();
    }
    fillTime(m_published, source.published);
    const auto grade = std::find(Reliabilities.begin(), Reliabilities.end(), source.reliability);
    m_reliability->setCurrentIndex(
        grade == Reliabilities.end() ? 0 : int(std::distance(Reliabilities.begin(), grade)) + 1);
}

bool SourceForm::checkUrl()
{
    const QString text = m_url->text().trimmed();
    if (text.isEmpty()) {
        m_urlNote->hide();
        return true;
    }
    const LinkCheck check = checkLink(text);
    if (!check.allowed) {
        showProblem(m_urlNote, tr("Not saved: %1").arg(check.reason));
        return false;
    }
    // What opens is what the user must see: an address with look-alike letters or hidden
    // characters is shown as it will be opened.
    if (check.shown != text)
        showNote(m_urlNote, tr("Opens as %1").arg(check.shown));
    else
        m_urlNote->hide();
    return true;
}

// Editing: each commit builds the source's new value from the current one (new text through
// the Document's append-only pool); the source changes only through Document::edit().

void SourceForm::commitTitle()
{
    commitTextField(&Source::title, m_title->text(), tr("Change title of %1"),
                    Document::Field::Title, Naming::IdFollows);
}

void SourceForm::commitOutlet()
{
    commitTextField(&Source::outlet, m_outlet->text(), tr("Change outlet of %1"),
                    Document::Field::Outlet);
}

void SourceForm::commitUrl()
{
    if (!isEditing())
        return;
    if (!checkUrl())
        return; // shown inline, never written
    Source after = project().sources()[index()];
    after.url = document()->addText(m_url->text().trimmed());
    m_url->setModified(false);
    document()->edit(index(), after, tr("Change URL of %1").arg(document()->quotedName(item())),
                     Document::Field::Url);
}

void SourceForm::commitPublished()
{
    if (!isEditing())
        return;
    const std::optional<FuzzyTime> time = checkTime(m_published);
    if (!time)
        return; // shown inline, never written
    Source after = project().sources()[index()];
    after.published = *time;
    m_published.edit->setModified(false);
    document()->edit(index(), after,
                     tr("Change publication date of %1").arg(document()->quotedName(item())),
                     Document::Field::Published);
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
