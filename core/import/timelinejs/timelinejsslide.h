#pragma once

// SlideRows: what a TimelineJS slide says beyond its time, made an ImportRow's title, summary,
// sources, party, tag and id. Shared by the JSON source and the sheet's row mapper, which
// read the same slide from different shapes.
//
// Title: the headline as plain text on one line; without one the display date, then the
// media caption, then the first sentence (or line) of the text cut at about 80 characters on
// a word boundary with "…", then the time itself: every slide with a date has a title.
// Summary: the text as plain text. Sources: each http or https link of the headline, text,
// caption and media credit (named by its text, or its host when it has none), then the
// media's own address (named by the credit's plain text, or the host); an address once per
// slide. Party: the group. Tag: the slide's type ("overview"). Id: the slide's unique_id, or
// a short hash of its start and title, so that importing the same file again finds the same
// events (a second slide with the same start and title gets "-2", a third "-3").

#include "time/fuzzytime.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimline {

struct ImportRow;

// A slide's texts as the file has them (HTML where TimelineJS allows it).
struct TimelineJsSlide
{
    std::string_view headline, text; // HTML
    std::string_view displayDate;
    std::string_view mediaUrl;
    std::string_view mediaCaption, mediaCredit; // HTML
    std::string_view group, type, uniqueId;
};

// The title a slide or era shows: see above. `when` is its time (the last resort).
std::string slideTitle(const TimelineJsSlide &slide, const FuzzyTime &when);

// `text` cut to at most about `maxChars` characters on a word boundary, with "…" when cut.
std::string shortened(std::string_view text, int maxChars = 80);

class SlideRows
{
public:
    // Fills the row's title, summary, sources (and their addresses), parties, tags and id from
    // the slide; row.when must be set. The views point into this object until the next fill().
    void fill(const TimelineJsSlide &slide, ImportRow &row);

private:
    void addSource(std::string url, std::string name);

    std::string m_title, m_summary, m_id;
    std::vector<std::string> m_sourceNames, m_sourceUrls;
    std::size_t m_sourceCount = 0;
    // How many slides had each id made from the content.
    std::unordered_map<std::string, int> m_madeIds;
};

} // namespace claimline
