package search

// CompareBuilt is compareBuilt for the tests of package search_test,
// which build sites, and so import the packages that import this one.
var CompareBuilt = compareBuilt
