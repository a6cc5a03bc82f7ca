# Read every table of the package with R's frictionless package, and check that numbers are numeric and dates are
# Dates. Usage: Rscript tests/read_with_frictionless_r.R [path/to/datapackage.json]
# Prints one line per table; exits 1 if any table fails, warns, or comes back with other types.
args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args) >= 1) args[1] else "datapackage.json"
suppressPackageStartupMessages(library(frictionless))
failed <- FALSE
package <- read_package(path)
names <- vapply(package$resources, function(r) r$name, "")
for (name in names) {
  fields <- package$resources[[which(names == name)]]$schema$fields
  types <- setNames(vapply(fields, function(f) f$type, ""), vapply(fields, function(f) f$name, ""))
  warnings <- character()
  table <- tryCatch(
    withCallingHandlers(read_resource(package, name),
      warning = function(w) { warnings <<- c(warnings, conditionMessage(w)); invokeRestart("muffleWarning") }),
    error = function(e) { cat(sprintf("%s: ERROR %s\n", name, conditionMessage(e))); NULL })
  if (is.null(table)) { failed <- TRUE; next }
  wrong <- c()
  for (field in names(types)) {
    if (types[[field]] %in% c("number", "integer") && !is.numeric(table[[field]])) wrong <- c(wrong, field)
    if (types[[field]] == "date" && !inherits(table[[field]], "Date")) wrong <- c(wrong, field)
  }
  ok <- length(wrong) == 0 && length(warnings) == 0 && setequal(names(table), names(types))
  if (!ok) failed <- TRUE
  cat(sprintf("%s: rows=%d ok=%s %s %s\n", name, nrow(table), ok, paste(wrong, collapse = ","),
              paste(warnings, collapse = " | ")))
}
quit(status = if (failed) 1 else 0)
