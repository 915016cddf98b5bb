/**
 * The Allure report of a run: each check's labels and result status as the run's own reports have them
 * ({@link dev.regconform.allure.AllureCheckListener}), the categories of the outcomes, the executor, the history kept
 * across runs, and the offline single-file HTML report made with the Allure 2 command line.
 */
package dev.regconform.allure;
