# Read every table of the package in R with the types its Table Schema declares, using readr and jsonlite (Debian's
# r-cran-readr and r-cran-jsonlite; CRAN's frictionless package, read_package and read_resource, does the same).
# Usage: Rscript tests/read_with_r.R [path/to/datapackage.json]
# Prints one line per table; exits 1 if any table cannot be read, has a cell its type cannot parse, has columns other
# than its schema's, or warns.
suppressPackageStartupMessages({
  library(jsonlite)
  library(readr)
})
args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args) >= 1) args[1] else "datapackage.json"
# Table Schema's types as readr reads them; a type not listed here fails the table rather than being read as text.
COL_TYPES <- list(
  string = col_character(), any = col_character(), integer = col_integer(), number = col_double(),
  boolean = col_logical(), date = col_date("%Y-%m-%d"), datetime = col_datetime(), time = col_time(),
  year = col_integer()
)
descriptor <- fromJSON(path, simplifyVector = FALSE)
failed <- FALSE
for (resource in descriptor$resources) {
  fields <- resource$schema$fields
  declared <- vapply(fields, function(f) f$name, "")
  types <- vapply(fields, function(f) if (is.null(f$type)) "string" else f$type, "")
  unknown <- setdiff(types, names(COL_TYPES))
  if (length(unknown) > 0) {
    cat(sprintf("%s: ERROR no readr type for %s\n", resource$name, paste(unknown, collapse = ", ")))
    failed <- TRUE
    next
  }
  dialect <- resource$dialect
  warnings <- character()
  table <- tryCatch(
    withCallingHandlers(
      read_delim(
        file.path(dirname(path), resource$path),
        delim = if (is.null(dialect$delimiter)) "," else dialect$delimiter,
        col_types = do.call(cols, setNames(COL_TYPES[types], declared)),
        locale = locale(encoding = if (is.null(resource$encoding)) "UTF-8" else resource$encoding),
        na = "", # an empty cell is "not stated"; the text "NA" is text
        trim_ws = FALSE, progress = FALSE
      ),
      warning = function(w) {
        warnings <<- c(warnings, conditionMessage(w))
        invokeRestart("muffleWarning")
      }
    ),
    error = function(e) {
      cat(sprintf("%s: ERROR %s\n", resource$name, conditionMessage(e)))
      NULL
    }
  )
  if (is.null(table)) {
    failed <- TRUE
    next
  }
  # problems() names each cell its type could not parse, by its CSV record number (the header being 1)
  wrong <- problems(table)
  found <- c(
    sprintf("%s row %d: %s is not %s", names(table)[wrong$col], wrong$row, wrong$actual, wrong$expected),
    if (!identical(names(table), declared)) sprintf("columns %s", paste(names(table), collapse = ",")),
    gsub("\\s+", " ", warnings)
  )
  ok <- length(found) == 0
  if (!ok) failed <- TRUE
  cat(sprintf("%s: rows=%d ok=%s %s\n", resource$name, nrow(table), ok, paste(found, collapse = " | ")))
}
quit(status = if (failed) 1 else 0)
