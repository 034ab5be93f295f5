// The run printed the model against each baseline and tomorrow's forecast, and saved a bundle.
def log = new File(basedir, 'build.log').text
assert log.contains('the model ') && log.contains('majority class')
assert log.contains('tomorrow: ')
assert new File(basedir, 'target/weather-model/spec.json').isFile()
return true
