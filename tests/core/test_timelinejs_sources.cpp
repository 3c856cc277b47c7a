// Sources with web addresses (ImportRow::sourceUrls, filled from TimelineJS links): the
// EventMerger cites, through the SourceResolver, the project's source at the address, else
// one of the same title without an address, else a new source with title, address and host.

#include "import/eventmerger.h"
#include "import/partymap.h"
#include "import/partyresolver.h"
#include "import/sourceresolver.h"
#include "model/project.h"

#include "timelinejsfixture.h"

#include <gtest/gtest.h>

using namespace claimline;
using namespace claimline::test;

namespace {

struct SourceView
{
    std::string id, title, outlet, url;
    friend bool operator==(const SourceView &, const SourceView &) = default;
    friend std::ostream &operator<<(std::ostream &out, const SourceView &s)
    {
        return out << s.id << " | " << s.title << " | " << s.outlet << " | " << s.url;
    }
};

std::vector<SourceView> sourcesOf(const Project &project)
{
    std::vector<SourceView> result;
    for (const Source &source : project.sources()) {
        result.push_back(
            {std::string(project.view(source.id)), std::string(project.view(source.title)),
             std::string(project.view(source.outlet)), std::string(project.view(source.url))});
    }
    return result;
}

// The titles of the sources an event cites.
std::vector<std::string> citedTitles(const Project &project, std::uint32_t event)
{
    std::vector<std::string> titles;
    for (const Citation &citation : project.citations(project.events()[event].sources))
        titles.push_back(std::string(project.view(project.sources()[citation.source].title)));
    return titles;
}

void addSource(Project &project, std::string_view id, std::string_view title, std::string_view url)
{
    Source source;
    source.id = project.addText(id);
    source.title = project.addText(title);
    source.outlet = source.title;
    source.url = project.addText(url);
    project.sources().push_back(source);
    (void)project.registerId({ItemKind::Source, std::uint32_t(project.sources().size() - 1)});
}

// One row with these sources (and addresses, when given) merged into the project as a new
// event; its index.
std::uint32_t addRow(Project &project, std::vector<std::string_view> names,
                     std::vector<std::string_view> urls)
{
    PartyMap map;
    PartyResolver parties(project, map);
    SourceResolver sources(project);
    EventMerger merger(project, parties, sources);
    merger.setFormat(ImportFormat::TimelineJs);
    std::string id = "row-"; // (operator+ on a temporary trips g++ 12's -Wrestrict)
    id += std::to_string(project.events().size());
    ImportRow row;
    row.id = id;
    row.title = "Row";
    row.when = FuzzyTime::fromDate(2020, 1, 1);
    row.sources = std::move(names);
    row.sourceUrls = std::move(urls);
    return merger.add(row);
}

} // namespace

TEST(TimelineJsSources, LinksBecomeSourcesWithTheirAddresses)
{
    // Houston's "First Recording": the credit's link and the video, both "Unidisc Music".
    const TimelineJsFile file = readJson(QStringLiteral("houston.json"));
    ASSERT_GE(file.rows.size(), 2u);
    Project project;
    PartyMap map;
    PartyResolver parties(project, map);
    SourceResolver resolver(project);
    EventMerger merger(project, parties, resolver);
    merger.setFormat(ImportFormat::TimelineJs);
    const TimelineJsRow &copied = file.rows[1];
    ImportRow row;
    row.id = copied.id;
    row.title = copied.title;
    row.when = FuzzyTime::parse(copied.when).value();
    row.sources.assign(copied.sources.begin(), copied.sources.end());
    row.sourceUrls.assign(copied.sourceUrls.begin(), copied.sourceUrls.end());
    const std::uint32_t event = merger.add(row);

    // Two addresses, two sources, though they have one name.
    EXPECT_EQ(
        sourcesOf(project),
        (std::vector<SourceView> {
            {"src-unidisc-music", "Unidisc Music", "unidiscmusic.com", "http://unidiscmusic.com"},
            {"src-unidisc-music-2", "Unidisc Music", "youtu.be", "https://youtu.be/fSrO91XO1Ck"},
        }));
    EXPECT_EQ(citedTitles(project, event),
              (std::vector<std::string> {"Unidisc Music", "Unidisc Music"}));

    // The same row again (a re-import): the same two sources, nothing new.
    ImportRow again = row;
    again.id = "again";
    merger.add(again);
    EXPECT_EQ(project.sources().size(), 2u);
}

TEST(TimelineJsSources, AnAddressFindsTheSourceWhateverItsTitle)
{
    Project project;
    addSource(project, "src-report", "The report, as filed", "https://example.org/report");
    const std::uint32_t event = addRow(project, {"the report"}, {"https://example.org/report"});
    EXPECT_EQ(project.sources().size(), 1u);
    EXPECT_EQ(citedTitles(project, event), std::vector<std::string> {"The report, as filed"});
}

TEST(TimelineJsSources, ATitleWithoutAnAddressIsReused)
{
    // A source the project names, with no address of its own: the link is to it.
    Project project;
    addSource(project, "src-vanity-fair", "Vanity Fair", "");
    const std::uint32_t event
        = addRow(project, {"Vanity Fair"}, {"http://upload.wikimedia.org/spy.jpeg"});
    EXPECT_EQ(project.sources().size(), 1u);
    EXPECT_EQ(citedTitles(project, event), std::vector<std::string> {"Vanity Fair"});
    // Left as it was: the import does not change a source the user keeps.
    EXPECT_EQ(sourcesOf(project)[0].url, "");
}

TEST(TimelineJsSources, TheSameTitleAtAnotherAddressIsAnotherSource)
{
    // Two links both called "here" are two documents.
    Project project;
    addSource(project, "src-here", "here", "https://one.example/a");
    addRow(project, {"here"}, {"https://two.example/b"});
    EXPECT_EQ(sourcesOf(project),
              (std::vector<SourceView> {
                  {"src-here", "here", "here", "https://one.example/a"},
                  {"src-here-2", "here", "two.example", "https://two.example/b"},
              }));
}

TEST(TimelineJsSources, WithoutAddressesSourcesAreFoundByName)
{
    // ACLED's "Reuters; AP" rows, as before: by title.
    Project project;
    addSource(project, "src-reuters", "Reuters", "https://reuters.example/x");
    const std::uint32_t event = addRow(project, {"Reuters", "AP"}, {});
    EXPECT_EQ(citedTitles(project, event), (std::vector<std::string> {"Reuters", "AP"}));
    EXPECT_EQ(sourcesOf(project).back(), (SourceView {"src-ap", "AP", "AP", ""}));
}
