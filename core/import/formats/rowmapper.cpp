#include "import/formats/rowmapper.h"

#include "import/formats/acled.h"
#include "import/formats/ucdp.h"
#include "import/mapping/mappedcsv.h"
#include "import/timelinejs/timelinejssheet.h"
#include "import/timesketch/timesketchmapper.h"

namespace claimline {

bool RowMapper::consume(const CsvRecord &)
{
    return false;
}

const DatasetExtras &RowMapper::extras() const
{
    static const DatasetExtras none;
    return none;
}

std::unique_ptr<RowMapper> makeRowMapper(ImportFormat format, const ColumnMapping *mapping)
{
    switch (format) {
    case ImportFormat::Acled:
        return std::make_unique<AcledMapper>();
    case ImportFormat::Ucdp:
        return std::make_unique<UcdpMapper>();
    case ImportFormat::Timesketch:
        return std::make_unique<TimesketchMapper>();
    case ImportFormat::TimelineJs:
        return std::make_unique<TimelineJsSheetMapper>();
    case ImportFormat::Csv:
        // Without the mapping nobody knows which column is what: no mapper (the caller says so).
        if (mapping)
            return std::make_unique<MappedCsvMapper>(*mapping);
        return nullptr;
    case ImportFormat::ClaimlineCsv:
    case ImportFormat::Auto:
        break;
    }
    Q_ASSERT_X(false, "makeRowMapper", "not a format read by a row mapper");
    return nullptr;
}

} // namespace claimline
