#include "inspector/projectform.h"

#include "inspector/fieldundo.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <utility>

namespace claimline {

namespace {

QPlainTextEdit *plainEdit(QWidget *parent, const char *name, int lines)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setTabChangesFocus(true);
    const QFontMetrics metrics(edit->font());
    edit->setFixedHeight(metrics.lineSpacing() * lines + 12);
    return edit;
}

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText); // as every label in the app (mnemonics still work)
    label->setWordWrap(true);
    return label;
}

} // namespace

ProjectForm::ProjectForm(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    Q_ASSERT(document);
    setObjectName(QStringLiteral("projectForm"));
    // Only as wide as the Inspector: every row of this stack gets the whole width (labels wrap,
    // fields stretch), so nothing here needs a minimum width, and the natural one (the longest
    // word of a wrapped label, "description:", or a plain-text edit's scroll-bar hint) would
    // make the scroll area scroll sideways in a narrow dock. The dock is narrow at first: the
    // Inspector opens as a tab behind Details, which Qt parks off-screen at its initial 100 px.
    // The item forms keep their minimum width: a row of label and field needs it.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    // Labels above the fields, in a plain box: the descriptions want the whole width, and a
    // QFormLayout with word-wrapped rows is what Qt 6.4 gets wrong (inspectorform.h).
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto addField = [this, layout](const QString &text, QWidget *field) {
        QLabel *label = plainLabel(text, this);
        label->setBuddy(field);
        layout->addWidget(label);
        layout->addWidget(field);
    };

    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("projectTitle"));
    addField(tr("&Title:"), m_title);

    m_description = plainEdit(this, "projectDescription", 5);
    const QString internal = tr("Internal: conventions and caveats for whoever edits the project. "
                                "Never shown by exports.");
    m_description->setToolTip(internal);
    m_description->setPlaceholderText(internal);
    addField(tr("&Description (internal):"), m_description);

    m_publicDescription = plainEdit(this, "projectPublicDescription", 4);
    const QString published
        = tr("What published exports show (the TimelineJS title slide, the narratives HTML "
             "page). Leave it empty to publish no description.");
    m_publicDescription->setToolTip(published);
    m_publicDescription->setPlaceholderText(published);
    addField(tr("&Public description:"), m_publicDescription);

    // Undo in these fields is the Document's, as in the items' forms (fieldundo.h).
    auto *undo = new FieldUndo(document->undoStack(), this);
    undo->addField(m_title, FieldUndo::Commit::AsTyped);
    undo->addField(m_description);
    undo->addField(m_publicDescription);

    connect(m_title, &QLineEdit::textEdited, this, [this](const QString &text) {
        commit(&ProjectMeta::title, text, tr("Change project title"), Document::Field::Title);
    });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        commit(&ProjectMeta::description, m_description->toPlainText(),
               tr("Change project description"), Document::Field::Description);
    });
    connect(m_publicDescription, &QPlainTextEdit::textChanged, this, [this] {
        commit(&ProjectMeta::publicDescription, m_publicDescription->toPlainText(),
               tr("Change public description"), Document::Field::PublicDescription);
    });
}

ProjectForm::~ProjectForm()
{
    // The fields are destroyed after this body, and a plain-text edit announces textChanged
    // while it goes: that is no edit (as in ~InspectorForm).
    for (QObject *field : findChildren<QObject *>())
        disconnect(field, nullptr, this, nullptr);
}

QString ProjectForm::heading() const
{
    return tr("Project (select an item to edit it instead)");
}

void ProjectForm::fill()
{
    const Project &project = m_document->project();
    const ProjectMeta &meta = project.meta();
    m_updating = true;
    if (const QString title = project.text(meta.title); m_title->text() != title) {
        m_title->setText(title);
        if (!m_title->hasFocus())
            m_title->setCursorPosition(0); // show the start of a long title, not its end
    }
    for (const auto &[edit, text] : {std::pair {m_description, meta.description},
                                     std::pair {m_publicDescription, meta.publicDescription}}) {
        if (const QString value = project.text(text); edit->toPlainText() != value)
            edit->setPlainText(value);
    }
    m_updating = false;
}

void ProjectForm::commit(TextRef ProjectMeta::*member, const QString &text, const QString &action,
                         Document::Field field)
{
    if (m_updating)
        return;
    ProjectMeta after = m_document->project().meta();
    after.*member = m_document->addText(text);
    m_document->setMeta(after, action, field);
}

} // namespace claimline
