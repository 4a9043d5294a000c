// Destructive buttons ask first: a submit button with data-confirm="question" submits only
// when the person confirms. Without JavaScript the server still refuses unclear requests.
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var question = button && button.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
