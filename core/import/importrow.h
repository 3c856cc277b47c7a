#pragma once

// ImportRow: one row of a dataset as the import framework sees it, whatever the format. A
// format's RowMapper (rowmapper.h) fills it from a record; the Importer (importer.h) turns it
// into an event of the project, or updates the event it imported before.

#include "model/model.h"
#include "time/fuzzytime.h"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace claimline {

// A column kept as it was: Event attributes (model.h). `value` is a number's text when
// isNumber is set ("3", "50.4501").
struct ImportAttribute
{
    std::string_view key;
    std::string_view value;
    bool isNumber = false;
};

// The views point into the record (or into `scratch`, for text a mapper builds): valid until
// the mapper maps the next record. A mapper clears every field it sets before it maps a row.
struct ImportRow
{
    std::int64_t line = 0; // the physical line the row starts on
    std::string_view id; // the dataset's own id ("UKR12345"); empty when it has none
    std::string_view updated; // the row's version ("1718050000"); empty when unknown
    std::string_view title;
    std::string_view summary;
    FuzzyTime when;
    std::vector<std::string_view> parties; // actor or side names, in order; no empty ones
    std::vector<std::string_view> sources; // source names, trimmed; no empty ones
    // Empty, or one per source: the web address each source is at (empty when unknown). A
    // source with an address is found by it first, then by name.
    std::vector<std::string_view> sourceUrls;
    std::string_view locationName;
    double latitude = std::numeric_limits<double>::quiet_NaN();
    double longitude = std::numeric_limits<double>::quiet_NaN();
    LocationPrecision locationPrecision = LocationPrecision::Unknown;
    std::string_view kind; // event kind ("Explosions/Remote violence")
    std::vector<std::string_view> tags;
    std::vector<ImportAttribute> attributes;
    // Text the mapper composed (a title made of two columns): `title` etc. may point here.
    std::string scratch;

    void clear();
};

} // namespace claimline
