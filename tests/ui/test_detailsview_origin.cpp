// DetailsView: an event imported from ACLED (issue 17) says where it came from, how precisely
// its place is known, and the columns the import kept, as plain text. Saved in both palettes
// for a person to look at (in $CLAIMLINE_SHOTS_DIR, else the temporary folder).

#include "details/detailsview.h"
#include "document/document.h"
#include "document/selection.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QPlainTextEdit>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace claimline;

namespace {

// One ACLED row as the import keeps it: every column it does not map is an attribute.
constexpr const char *AcledEvent = R"({
  "format": "claimline", "version": 1,
  "parties": [{"id": "russia", "name": "Russia"}, {"id": "ukraine", "name": "Ukraine"}],
  "sources": [{"id": "src-ukrinform", "title": "Ukrinform", "outlet": "Ukrinform"}],
  "events": [
    {"id": "acled-RUS98765", "title": "Air/drone strike in Novgorod",
     "summary": "On 29 December 2025, Ukrainian forces reportedly launched drones at Novgorod. Russian authorities said all were shot down. Casualties unknown.",
     "when": "2025-12-29",
     "location": {"name": "Novgorod", "lat": 58.5215, "lon": 31.2755, "precision": "town"},
     "parties": ["ukraine", "russia"], "kind": "Explosions/Remote violence",
     "tags": ["Air/drone strike"], "sources": [{"source": "src-ukrinform"}],
     "origin": {"format": "acled", "id": "RUS98765", "updated": "1767139200"},
     "attributes": {"disorder_type": "Political violence", "assoc_actor_1": "",
                    "inter1": 8, "inter2": 1, "interaction": 18, "civilian_targeting": "",
                    "iso": 643, "region": "Europe", "country": "Russia",
                    "admin1": "Novgorod", "admin2": "Novgorod", "admin3": "",
                    "source_scale": "National", "fatalities": 0,
                    "tags": "<i>no</i> markup here", "year": 2025, "time_precision": 1,
                    "geo_precision": 1}}
  ]
})";

void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

QString shotPath(const QString &name)
{
    const QString dir = qEnvironmentVariable("CLAIMLINE_SHOTS_DIR", QDir::tempPath());
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

} // namespace

TEST(DetailsViewOrigin, ImportedEventShowsOriginPrecisionAndAttributes)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("acled.claimline"));
    ASSERT_TRUE(test::writeFile(path, AcledEvent));
    Document document;
    const Problems problems = document.load(path);
    ASSERT_TRUE(problems.empty()) << problems.front().toString().toStdString();
    Selection selection;
    DetailsView view(&document, &selection);
    view.resize(440, 900);
    view.show();
    selection.select(document.project().find("acled-RUS98765").value_or(ItemRef {}));
    settle();

    const QString text = view.text();
    EXPECT_TRUE(text.contains(QStringLiteral("Location: Novgorod (town), 58.52150, 31.27550")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(
        QStringLiteral("Origin: Imported from ACLED, id RUS98765, row updated 31 Dec 2025")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("\n\nImported data (15)\n"
                                             "disorder_type: Political violence\n"
                                             "inter1: 8\n")))
        << text.toStdString();
    EXPECT_TRUE(text.endsWith(QStringLiteral("tags: <i>no</i> markup here\n"
                                             "year: 2025\n"
                                             "time_precision: 1\n"
                                             "geo_precision: 1")))
        << text.toStdString();
    // Markup from the file is text: the view holds exactly the characters, no italics.
    auto *edit = view.findChild<QPlainTextEdit *>(QStringLiteral("detailsText"));
    ASSERT_TRUE(edit);
    EXPECT_TRUE(edit->toPlainText().contains(QStringLiteral("<i>no</i>")));

    view.grab().save(shotPath(QStringLiteral("details-imported-light.png")));
    view.setPalette(test::darkPalette());
    settle();
    view.grab().save(shotPath(QStringLiteral("details-imported-dark.png")));
}
